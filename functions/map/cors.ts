// The GeoJSON feed is read by other sites (uMap, a territory's own website): CORS is open
// for it, and only for it. It carries public data only and never uses the caller's
// session, so `*` is safe; credentials are never allowed.
import type { App } from '../shared/http/app';

export const FEED_PATH = '/api/v1/territories/:slug/listings.geojson';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Last-Modified, ETag',
  // The app's default (same-site) would stop a page elsewhere from embedding the answer.
  'cross-origin-resource-policy': 'cross-origin',
} as const;

export function openFeedToOtherSites(app: App): void {
  app.use(FEED_PATH, async (c, next) => {
    await next();
    // Errors too (a 400 on a bad bbox): the other site can then read why.
    for (const [name, value] of Object.entries(CORS_HEADERS)) c.res.headers.set(name, value);
  });
  app.options(FEED_PATH, (c) =>
    c.body(null, 204, {
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'If-Modified-Since, If-None-Match',
      'access-control-max-age': '86400',
    }),
  );
}
