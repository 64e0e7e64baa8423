// of-watchdog's readiness check (ready_path in template/node24-soliterr-web): the site
// process answers. It does not call the API: the API functions have their own checks.
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
  new Response(JSON.stringify({ status: 'ok', service: 'web' }), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
