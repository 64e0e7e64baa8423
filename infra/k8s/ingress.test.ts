import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadRoutes, matchRoute } from '../gateway/routes';
import { currentIngress, INGRESS_FILE } from './generate-ingress';

interface IngressDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; annotations: Record<string, string> };
  spec: { rules: { host: string; http: { paths: { path: string; pathType: string }[] } }[] };
}

const committed = readFileSync(INGRESS_FILE, 'utf8');
const ingresses = parseAllDocuments(committed).map((d) => d.toJS() as IngressDoc);
const routes = loadRoutes();

/** What ingress-nginx does with a request path: which Ingress, and the rewritten path. */
function nginx(path: string): { function: string; rewritten: string }[] {
  return ingresses.flatMap((ingress) =>
    ingress.spec.rules[0].http.paths.flatMap(({ path: regex }) => {
      const match = new RegExp(`^${regex}`, 'i').exec(path);
      if (!match) return [];
      const target = ingress.metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target'];
      return [{ function: ingress.metadata.name.replace(/^soliterr-/, ''), rewritten: target.replace('$1', match[1]) }];
    }),
  );
}

describe('infra/k8s/ingress.yaml', () => {
  it('is exactly what npm run infra:ingress generates from openfaas.yml', () => {
    expect(committed).toBe(currentIngress());
  });

  it('holds one regex Ingress per function, rewriting to the OpenFaaS gateway', () => {
    expect(ingresses.map((i) => i.metadata.name).sort()).toEqual(
      [...new Set(routes.map((r) => `soliterr-${r.function}`))].sort(),
    );
    for (const ingress of ingresses) {
      expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
      expect(ingress.kind).toBe('Ingress');
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/use-regex']).toBe('true');
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target']).toMatch(/^\/function\/[a-z0-9-]+\/\$1$/);
      for (const { pathType } of ingress.spec.rules[0].http.paths) expect(pathType).toBe('ImplementationSpecific');
    }
  });

  it('routes every public path to exactly one function, the same one as the local gateway', () => {
    const samples = routes.flatMap((r) => {
      const base = `/${r.segments.map((s) => (s === '*' ? 'coteaux-de-bigorre' : s)).join('/')}`;
      return [base, `${base}/`, `${base}/123e4567`, `${base}/a/b`];
    });
    samples.push('/api/v1/territories/memberships', '/api/v1/territories/x/memberships-old', '/api/v1/territories/x/categories/1');
    for (const path of samples) {
      const expected = matchRoute(routes, path)?.function;
      const matches = nginx(path);
      expect(matches, path).toHaveLength(1);
      expect(matches[0].function, path).toBe(expected);
      expect(matches[0].rewritten, path).toBe(`/function/${expected}${path}`);
    }
  });

  it('exposes nothing else of the OpenFaaS gateway: any other path reaches the site only', () => {
    for (const path of ['/', '/system/functions', '/function/auth/api/v1/me', '/ui/', '/api/v1/meow', '/api/v2/me']) {
      expect(nginx(path), path).toEqual([{ function: 'web', rewritten: `/function/web${path}` }]);
    }
  });
});
