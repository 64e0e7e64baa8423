// The public OpenAPI 3.1 document: every function's routes registered on one throwaway
// OpenAPIHono, so the merged document is exactly what the route definitions declare.
// No handler ever runs on that app, so it needs no database and no deps.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../shared/http/deps';
import type { FunctionDefinition } from '../shared/http/function';
import { registerSecuritySchemes } from '../shared/http/openapi';

export const DOCS_FUNCTION = 'docs';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const DESCRIPTION = [
  "API de SoliTERR : les espaces de coopération territoriale où les acteurs locaux échangent offres, besoins et coopérations.",
  "Chaque territoire est un espace isolé ; les listes sont triées selon des critères explicites, jamais par engagement.",
  '',
  'SoliTERR API: territorial cooperation workspaces where local actors exchange offers, needs and cooperations.',
  'Each territory is an isolated workspace; lists are sorted by explicit criteria, never by engagement.',
  '',
  'Errors are RFC 9457 `application/problem+json` with a stable `code`. Authenticate with the Bearer token returned by `login`.',
].join('\n');

export interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: unknown }>;
  requestBody?: { required?: boolean; description?: string; content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: {
    schemas?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
    /** Parameters shared by several operations, which refer to them as `{ $ref }` (Idempotency-Key). */
    parameters?: Record<string, NonNullable<Operation['parameters']>[number]>;
  };
}

export interface OperationEntry {
  method: string;
  path: string;
  operation: Operation;
}

/** Builds the merged document of every function except the docs function itself. */
export function buildOpenApiDocument(functions: FunctionDefinition[], publicUrl: string): OpenApiDocument {
  const app = new OpenAPIHono<AppEnv>();
  registerSecuritySchemes(app);
  for (const def of functions) {
    if (def.name !== DOCS_FUNCTION) def.register(app);
  }
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'SoliTERR API', version: '1', description: DESCRIPTION },
    servers: [{ url: publicUrl, description: 'Cette instance / this instance' }],
  }) as unknown as OpenApiDocument;
  const tags = [...new Set(operationsOf(document).flatMap((e) => e.operation.tags ?? []))];
  document.tags = tags.map((name) => ({ name }));
  return document;
}

/** Every operation of the document, in path order, hidden routes already left out. */
export function operationsOf(document: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) entries.push({ method, path, operation });
    }
  }
  return entries;
}

/** Operations grouped by their first tag (untagged ones last), in order of appearance. */
export function operationsByTag(document: OpenApiDocument): Map<string, OperationEntry[]> {
  const groups = new Map<string, OperationEntry[]>();
  for (const entry of operationsOf(document)) {
    const tag = entry.operation.tags?.[0] ?? 'Autres';
    groups.set(tag, [...(groups.get(tag) ?? []), entry]);
  }
  return groups;
}
