// Walks the whole published document, so every new endpoint is checked without
// touching this file: documented security, problem+json errors, unique operationIds,
// a route in openfaas.yml, and a place on the reference page.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '..';
import { loadRoutes, matchRoute } from '../../infra/gateway/routes';
import { createTestApi, ORIGIN, type TestApi } from '../../tests/support/harness';
import { buildOpenApiDocument, type OpenApiDocument, operationsOf } from './document';

describe('docs', () => {
  let api: TestApi;
  let document: OpenApiDocument;
  beforeAll(async () => {
    api = await createTestApi('pglite');
    const res = await api.call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    document = res.body;
  });
  afterAll(() => api?.close());

  it('publishes one OpenAPI 3.1 document for the whole API', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info).toMatchObject({ title: 'SoliTERR API', version: '1' });
    expect(document.info.description).toMatch(/territoire/);
    expect(document.info.description).toMatch(/territory/);
    expect(document.servers).toEqual([expect.objectContaining({ url: ORIGIN })]);
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(['bearerAuth', 'sessionCookie']);
    expect(operationsOf(document).length).toBeGreaterThan(0);
    // Hidden routes (health checks) and the docs function itself stay out.
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/_/') || p.includes('openapi') || p.includes('/docs'))).toEqual([]);
  });

  it('documents every operation completely', () => {
    const schemes = new Set(Object.keys(document.components?.securitySchemes ?? {}));
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(operation.summary?.trim(), where).toBeTruthy();
      expect(operation, where).toHaveProperty('security');
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(schemes.has(scheme), `${where}: ${scheme}`).toBe(true);
      }
      const problems = Object.entries(operation.responses).filter(
        ([status, res]) => /^4\d\d$/.test(status) && res.content?.['application/problem+json'],
      );
      expect(problems.length, `${where} has no 4xx problem+json response`).toBeGreaterThan(0);
      for (const name of path.match(/\{([^}]+)\}/g) ?? []) {
        const param = operation.parameters?.find((p) => p.in === 'path' && `{${p.name}}` === name);
        expect(param?.required, `${where}: path parameter ${name}`).toBe(true);
      }
    }
  });

  it('declares 401 everywhere: a Bearer token that is no session is refused even where signing in is optional', async () => {
    for (const { operation } of operationsOf(document)) expect(Object.keys(operation.responses), operation.operationId).toContain('401');
    const expired = await api.call('GET', '/api/v1/territories', { token: 'a'.repeat(32) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('invalid_token');
  });

  it('gives each operation its own operationId', () => {
    const ids = operationsOf(document).map((e) => e.operation.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('routes every documented path to the function that serves it (openfaas.yml)', () => {
    const routes = loadRoutes();
    for (const def of FUNCTIONS.filter((f) => f.name !== 'docs')) {
      for (const { path } of operationsOf(buildOpenApiDocument([def], ORIGIN))) {
        const concrete = path.replace(/\{[^}]+\}/g, 'x');
        expect(matchRoute(routes, concrete)?.function, `${path} → ${def.name}`).toBe(def.name);
      }
    }
  });

  it('serves a self-contained reference page listing every operation', async () => {
    const res = await api.call('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html: string = res.body;
    for (const { operation } of operationsOf(document)) expect(html).toContain(operation.operationId);
    // No CDN: nothing is loaded from another origin.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).toContain('Essayer');
  });

  it('relaxes the Content-Security-Policy for the reference page only, by hash', async () => {
    const page = await api.call('GET', '/api/docs');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self'");
    const html: string = page.body;
    for (const tag of ['script', 'style']) {
      const blocks = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
      expect(blocks).toHaveLength(1);
      const hash = createHash('sha256').update(blocks[0], 'utf8').digest('base64');
      expect(csp).toContain(`${tag}-src 'sha256-${hash}'`);
    }
    const json = await api.call('GET', '/api/v1/openapi.json');
    expect(json.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(json.headers.get('content-security-policy')).not.toContain('sha256');
  });
});
