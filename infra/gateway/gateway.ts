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
  /**
   * Routes one request. `peer` is the address of the client connection as the server
   * saw it: it is appended to X-Forwarded-For, whose last entry is the only one the
   * functions trust (functions/shared/http/request.ts).
   */
  fetch(request: Request, peer?: string): Promise<Response>;
  routes: Route[];
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

export function createGateway(upstreams: Record<string, Upstream>, routes: Route[] = loadRoutes()): Gateway {
  return {
    routes,
    async fetch(request, peer) {
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
      for (const name of HOP_BY_HOP) headers.delete(name);
      if (!headers.has('x-forwarded-host')) headers.set('x-forwarded-host', url.host);
      if (!headers.has('x-forwarded-proto')) headers.set('x-forwarded-proto', url.protocol.replace(':', ''));
      if (peer) {
        const chain = headers.get('x-forwarded-for');
        headers.set('x-forwarded-for', chain ? `${chain}, ${peer}` : peer);
      }
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

/**
 * An upstream that is a separate HTTP process (a function container or bundle), or a
 * function behind a real OpenFaaS gateway: a base path such as
 * `http://gateway:8080/function/auth` is kept in front of the request's path.
 */
export function httpUpstream(baseUrl: string): Upstream {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return (request) => {
    const url = new URL(request.url);
    const target = new URL(prefix + url.pathname + url.search, base.origin);
    return fetch(new Request(target, request), { redirect: 'manual' });
  };
}
