// Every request goes through these small handles, in order; each fills part of the typed
// App.Locals (src/app.d.ts).
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { createApi } from '$lib/server/api';
import { instanceInfo } from '$lib/server/instance';
import { endSession, readSessionToken } from '$lib/server/session';

/** Language from the soliterr_locale cookie (French by default); sets <html lang>. */
const locale: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    event.locals.locale = locale;
    return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
  });

/** The typed API client for this request, and who is signed in (GET /api/v1/me). */
const session: Handle = async ({ event, resolve }) => {
  const clientFor = (token: string | null) =>
    createApi({
      token,
      clientAddress: event.getClientAddress(),
      locale: event.locals.locale,
      userAgent: event.request.headers.get('user-agent'),
      inProcess: event.platform?.req?.soliterrApi,
      origin: event.url.origin,
    });
  const token = readSessionToken(event.cookies);
  event.locals.sessionToken = token;
  event.locals.api = clientFor(token);
  event.locals.user = null;
  if (token) {
    // An unreachable API leaves the person signed out on this page, not facing an error.
    const result = await event.locals.api.GET('/api/v1/me').catch(() => null);
    if (result?.data) event.locals.user = result.data;
    else if (result?.response.status === 401) {
      // Expired or revoked: forget it, and stop sending it.
      endSession(event.cookies, event.url);
      event.locals.sessionToken = null;
      event.locals.api = clientFor(null);
    }
  }
  return resolve(event);
};

/** /t/{slug}/…: the territory's layout loads it; handles and actions can read the slug. */
const territory: Handle = ({ event, resolve }) => {
  const match = /^\/t\/([a-z0-9-]{2,60})(\/|$)/.exec(event.url.pathname);
  event.locals.territorySlug = match ? match[1] : null;
  return resolve(event);
};

/**
 * The map's tile server (MAP_TILE_URL, given by GET /api/v1/instance, cached) may serve
 * images: its origin is added to img-src, and nothing else (docs/decisions/011). On every
 * page, so a map reached without reloading the page still gets its tiles.
 */
async function allowTiles(response: Response, api: App.Locals['api']): Promise<void> {
  const csp = response.headers.get('content-security-policy');
  if (!csp) return;
  const tileUrl = (await instanceInfo(api))?.map?.tileUrl;
  if (!tileUrl) return;
  const origin = URL.canParse(tileUrl) ? new URL(tileUrl).origin : null;
  if (!origin || origin === 'null') return;
  response.headers.set('content-security-policy', csp.replace(/(^|;\s*)img-src ([^;]*)/, (_all, lead, list) => `${lead}img-src ${list} ${origin}`));
}

/** Headers SvelteKit's CSP (svelte.config.js) does not set. */
const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  await allowTiles(response, event.locals.api);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(self)');
  if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return response;
};

export const handle = sequence(locale, session, territory, securityHeaders);

/** An unexpected error: logged with a reference, and the person sees the reference only. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const requestId = crypto.randomUUID();
  if (status >= 500) {
    console.error(JSON.stringify({ level: 'error', msg: 'site error', requestId, path: event.url.pathname, error: error instanceof Error ? error.stack : String(error) }));
  }
  return { message: status === 404 ? 'Not Found' : message, requestId };
};
