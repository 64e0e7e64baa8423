import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from '../http/deps';
import { ApiError, unauthorized } from '../http/problems';
import { validateSessionToken } from './sessions';

export const SESSION_COOKIE = 'soliterr_session';

/** Reads the session from the cookie (site) or the Bearer token (API clients). */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null);
  c.set('sessionId', null);
  c.set('authVia', null);
  const authorization = c.req.header('authorization');
  let token: string | undefined;
  let via: 'cookie' | 'bearer' | null = null;
  if (authorization) {
    const match = /^Bearer\s+([a-z2-7]{16,64})$/i.exec(authorization.trim());
    if (!match) throw new ApiError(401, 'invalid_token', 'Jeton d’accès invalide.');
    token = match[1].toLowerCase();
    via = 'bearer';
  } else {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie && /^[a-z2-7]{16,64}$/.test(cookie)) {
      token = cookie;
      via = 'cookie';
    }
  }
  if (token) {
    const { config, database } = c.get('deps');
    const session = await validateSessionToken(database, token, config.SESSION_DAYS);
    if (session) {
      c.set('user', session.user);
      c.set('sessionId', session.sessionId);
      c.set('authVia', via);
      if (via === 'cookie' && session.renewed) setSessionCookie(c, token, session.expiresAt);
    } else if (via === 'bearer') {
      throw new ApiError(401, 'invalid_token', 'Session expirée ou révoquée : reconnectez-vous.');
    } else {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
  }
  await next();
};

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.production,
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.get('deps').config.production });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Writes authorised by a token in the URL, never by the session: one-click unsubscribe
 * (RFC 8058), posted by mail clients from anywhere (docs/decisions/ on unsubscribe).
 */
const TOKEN_AUTHORISED = new Set(['/api/v1/unsubscribe']);

/**
 * Cookie-authenticated writes must come from our own origin: the browser's Origin
 * header (or Sec-Fetch-Site) must match. Bearer requests are not sent by browsers on
 * their own, so they need no check.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && c.get('authVia') === 'cookie' && !TOKEN_AUTHORISED.has(c.req.path)) {
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const allowed = new Set([new URL(c.get('deps').config.PUBLIC_URL).origin, new URL(c.req.url).origin]);
    const ok = origin ? allowed.has(origin) : fetchSite === 'same-origin';
    if (!ok) throw new ApiError(403, 'csrf_rejected', 'Requête refusée : origine inconnue.');
  }
  await next();
};

export function requireUser(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}
