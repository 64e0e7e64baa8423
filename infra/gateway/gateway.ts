// A local stand-in for the OpenFaaS gateway plus ingress: `/function/<name>/…` reaches a
// function directly, public `/api/v1/…` paths are routed by the table of openfaas.yml.
// Upstreams are either in-process apps (npm start, tests) or HTTP processes (bundles).
import { loadRoutes, matchRoute, type Route } from './routes';

export type Upstream = (request: Request) => Promise<Response> | Response;

const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };

function problem(status: number, code: string, detail: string): Response {
  return new Response(JSON.stringify({ type: `https://soliterr.org/problems/${code}`, title: code, status, code, detail }), {
    status,
    headers: PROBLEM,
  });
}

export interface Gateway {
  fetch(request: Request): Promise<Response>;
  routes: Route[];
}

export function createGateway(upstreams: Record<string, Upstream>, routes: Route[] = loadRoutes()): Gateway {
  return {
    routes,
    async fetch(request) {
      const url = new URL(request.url);
      let name: string | undefined;
      let path = url.pathname;
      const direct = /^\/function\/([a-z0-9-]+)(\/.*)?$/.exec(url.pathname);
      if (direct) {
        name = direct[1];
        path = direct[2] ?? '/';
      } else {
        name = matchRoute(routes, url.pathname)?.function;
      }
      const upstream = name ? upstreams[name] : undefined;
      if (!upstream) return problem(404, 'route_not_found', "Cette adresse n'existe pas.");
      const target = new URL(path + url.search, url.origin);
      const headers = new Headers(request.headers);
      if (!headers.has('x-forwarded-host')) headers.set('x-forwarded-host', url.host);
      const forwarded = new Request(target, {
        method: request.method,
        headers,
        body: request.body,
        // Node's fetch needs this to stream a request body.
        duplex: 'half',
        signal: request.signal,
      } as RequestInit);
      try {
        return await upstream(forwarded);
      } catch {
        return problem(502, 'function_unavailable', 'Le service ne répond pas. Réessayez dans un instant.');
      }
    },
  };
}

/** An upstream that is a separate HTTP process (a function container or bundle). */
export function httpUpstream(baseUrl: string): Upstream {
  return (request) => {
    const url = new URL(request.url);
    const target = new URL(url.pathname + url.search, baseUrl);
    return fetch(new Request(target, request));
  };
}
