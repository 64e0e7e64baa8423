// The session is the API's: its token lives in the soliterr_session cookie (HttpOnly,
// SameSite=Lax), the same cookie the API itself would set, and is sent to the API as a
// Bearer token by src/lib/server/api.ts.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'soliterr_session';
const TOKEN = /^[a-z2-7]{16,64}$/;

export function readSessionToken(cookies: Cookies): string | null {
  const token = cookies.get(SESSION_COOKIE);
  return token && TOKEN.test(token) ? token : null;
}

export function startSession(cookies: Cookies, url: URL, session: { token: string; expiresAt: string }) {
  cookies.set(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: new Date(session.expiresAt),
  });
}

export function endSession(cookies: Cookies, url: URL) {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
