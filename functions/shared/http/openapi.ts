// Building blocks for route definitions, so every operation documents its security
// and its error responses the same way.
import { z } from '@hono/zod-openapi';
import type { App } from './app';
import { IdempotencyKey } from './idempotency';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable machine-readable error code.' }),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional(),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (validation_failed, malformed_request)',
  401: 'Not signed in, or the session is invalid',
  403: 'Not allowed (forbidden, csrf_rejected)',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict (already_exists, version_conflict…)',
  412: 'The If-Match version is stale',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'Semantically invalid',
  428: 'A precondition (If-Match or version) is required',
  429: 'Rate limited; see Retry-After',
  503: 'Temporarily unavailable; see Retry-After',
};

type ErrorStatus = keyof typeof DESCRIPTIONS;

/**
 * Error responses of an operation. 400, 401, 413, 415 and 503 are always possible: 401
 * because a Bearer token that is not (or no longer) a session is refused even where
 * signing in is optional.
 */
export function errors(...statuses: ErrorStatus[]) {
  const all = [...new Set<ErrorStatus>([400, 401, 413, 415, 503, ...statuses])].sort();
  return Object.fromEntries(
    all.map((s) => [s, { description: DESCRIPTIONS[s], content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** Security requirements: signed in (cookie or Bearer), or anyone (optionally signed in). */
type SecurityRequirement = Record<string, string[]>;
export const SIGNED_IN: SecurityRequirement[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
export const ANYONE: SecurityRequirement[] = [{}, { bearerAuth: [] }, { sessionCookie: [] }];

/** Security schemes and the header parameters shared by many operations (components.parameters). */
export function registerSecuritySchemes(app: App) {
  app.openAPIRegistry.registerParameter('IdempotencyKey', IdempotencyKey);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'Session token returned by POST /api/v1/auth/login (field `token`).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'soliterr_session',
    description: 'Session cookie set by the site (HttpOnly, SameSite=Lax). Writes need a same-origin Origin header.',
  });
}

export const SlugParam = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lettres minuscules, chiffres et tirets')
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'coteaux-de-bigorre' });

export const UuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
