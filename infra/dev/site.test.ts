import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAndApi } from './site';

// The real site is driven in a browser by tests/e2e; here, only who answers which path.
describe('npm start: the site and the API on one port', () => {
  let server: Server;
  let base: string;
  const apiSaw: string[] = [];
  beforeAll(async () => {
    const api = {
      fetch: (request: Request, env?: { incoming?: IncomingMessage }) => {
        apiSaw.push(`${new URL(request.url).pathname} from ${(env as { incoming?: IncomingMessage })?.incoming?.socket.remoteAddress}`);
        return Response.json({ from: 'api' });
      },
    };
    const site = async (req: IncomingMessage & { soliterrApi?: (r: Request) => Promise<Response> }, res: import('node:http').ServerResponse) => {
      // The site reaches the API in-process, with the visitor's connection.
      const answer = await req.soliterrApi!(new Request('http://x/api/v1/me'));
      res.setHeader('content-type', 'text/plain');
      res.end(`site ${req.url} ${JSON.stringify(await answer.json())}`);
    };
    server = createServer(siteAndApi(api, (req, res) => void site(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends /api/* and /function/* to the gateway', async () => {
    expect(await (await fetch(`${base}/api/v1/territories`)).json()).toEqual({ from: 'api' });
    expect(await (await fetch(`${base}/function/auth/health`)).json()).toEqual({ from: 'api' });
    expect(apiSaw).toContain('/api/v1/territories from 127.0.0.1');
  });

  it('sends every other path to the site, which calls the API in-process as the visitor', async () => {
    const page = await fetch(`${base}/t/coeur-de-bigorre?x=1`);
    expect(await page.text()).toBe('site /t/coeur-de-bigorre?x=1 {"from":"api"}');
    expect(await (await fetch(`${base}/apiculture`)).text()).toMatch(/^site \/apiculture /);
    expect(apiSaw).toContain('/api/v1/me from 127.0.0.1');
  });
});
