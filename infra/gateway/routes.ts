// The public route table, read from openfaas.yml (annotation com.soliterr.routes).
// One source of truth for the local gateway and the generated Kubernetes ingress.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Route {
  function: string;
  /** Path prefix split into segments; '*' matches exactly one segment. */
  segments: string[];
  pattern: string;
}

export const OPENFAAS_YML = fileURLToPath(new URL('../../openfaas.yml', import.meta.url));

export function readStack(file = OPENFAAS_YML): { functions: Record<string, { annotations?: Record<string, string> }> } {
  return parse(readFileSync(file, 'utf8'), { merge: true });
}

export function loadRoutes(file = OPENFAAS_YML): Route[] {
  const stack = readStack(file);
  const routes: Route[] = [];
  for (const [name, fn] of Object.entries(stack.functions)) {
    const list = fn.annotations?.['com.soliterr.routes'] ?? '';
    for (const pattern of list.split(',').map((p) => p.trim()).filter(Boolean)) {
      routes.push({ function: name, pattern, segments: pattern.split('/').filter(Boolean) });
    }
  }
  // Most specific first: more segments, then fewer wildcards.
  return routes.sort(
    (a, b) =>
      b.segments.length - a.segments.length ||
      a.segments.filter((s) => s === '*').length - b.segments.filter((s) => s === '*').length,
  );
}

export function matchRoute(routes: Route[], path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean);
  return routes.find(
    (r) => r.segments.length <= parts.length && r.segments.every((s, i) => s === '*' || s === parts[i]),
  );
}
