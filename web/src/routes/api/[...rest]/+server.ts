// An /api/… path no API function owns reaches the site (the catch-all route of
// openfaas.yml): answer like the API would, in problem+json, not with an HTML page.
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = () =>
  new Response(
    JSON.stringify({
      type: 'https://soliterr.org/problems/route_not_found',
      title: 'Not Found',
      status: 404,
      code: 'route_not_found',
      detail: "Cette adresse n'existe pas dans l'API.",
    }),
    { status: 404, headers: { 'content-type': 'application/problem+json; charset=utf-8' } },
  );
