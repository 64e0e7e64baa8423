// The gateway on a real port, in front of functions that run as separate HTTP
// processes: bundles started by hand or by tests/processes, or a real OpenFaaS gateway.
//
//   FUNCTION_URLS=auth=http://127.0.0.1:3001,docs=http://127.0.0.1:3002 tsx infra/gateway/server.ts
//   OPENFAAS_URL=http://127.0.0.1:8080 tsx infra/gateway/server.ts   # every function via /function/<name>
//
// GATEWAY_PORT (default 8000) and GATEWAY_HOST (default 127.0.0.1) choose where it listens.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createGateway, httpUpstream, type Upstream } from './gateway';
import { loadRoutes, readStack } from './routes';

const EnvSchema = z.object({
  FUNCTION_URLS: z.string().optional(),
  OPENFAAS_URL: z.url().default('http://127.0.0.1:8080'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
});

/**
 * Upstream URL of every function of openfaas.yml: `name=url` pairs from FUNCTION_URLS,
 * and for the others `<OPENFAAS_URL>/function/<name>`, as the OpenFaaS gateway serves them.
 */
export function functionUrls(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const parsed = EnvSchema.parse(env);
  const urls: Record<string, string> = Object.fromEntries(
    Object.keys(readStack().functions).map((name) => [name, `${parsed.OPENFAAS_URL.replace(/\/$/, '')}/function/${name}`]),
  );
  for (const pair of (parsed.FUNCTION_URLS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, url] = pair.split(/=(.*)/s);
    if (!name || !url || !URL.canParse(url)) throw new Error(`FUNCTION_URLS: expected name=url, got "${pair}"`);
    urls[name] = url;
  }
  return urls;
}

export interface GatewayServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on port (0 = any free port) and routes to the given function URLs. */
export function startGatewayServer(options: { urls: Record<string, string>; port?: number; hostname?: string }): Promise<GatewayServer> {
  const upstreams: Record<string, Upstream> = Object.fromEntries(
    Object.entries(options.urls).map(([name, url]) => [name, httpUpstream(url)]),
  );
  const gateway = createGateway(upstreams, loadRoutes());
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve) => {
    const server = serve(
      {
        hostname,
        port: options.port ?? 0,
        // The peer of the TCP connection is the one address nobody can forge.
        fetch: (request, env: { incoming?: { socket?: { remoteAddress?: string } } }) =>
          gateway.fetch(request, env.incoming?.socket?.remoteAddress),
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as Server).closeAllConnections?.();
            }),
        });
      },
    );
  });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1]);
if (isMain) {
  const env = EnvSchema.parse(process.env);
  const urls = functionUrls();
  const server = await startGatewayServer({ urls, port: env.GATEWAY_PORT, hostname: env.GATEWAY_HOST });
  console.log(`SoliTERR gateway on ${server.url}`);
  for (const [name, url] of Object.entries(urls)) console.log(`  ${name.padEnd(16)} → ${url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
