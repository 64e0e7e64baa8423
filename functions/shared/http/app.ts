// The app factory every function is built on: request id, structured logs, security
// headers, body-size limit, session, CSRF check, validation hook and one onError that
// answers RFC 9457 problem+json.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { csrfGuard, sessionMiddleware } from '../auth/middleware';
import { fromDatabaseError } from './database-errors';
import type { AppEnv, Deps } from './deps';
import { ApiError, problemResponse } from './problems';

export type App = OpenAPIHono<AppEnv>;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * An operation whose body is not JSON (a territory's logo): it skips the JSON check and
 * has its own size limit instead of BODY_LIMIT_BYTES. The handler checks the type itself.
 */
export interface RawBodyRoute {
  method: 'PUT' | 'POST';
  path: RegExp;
  maxBytes: number;
  tooLarge: { code: string; detail: string };
}

export function createApp(deps: Deps, options: { rawBodies?: RawBodyRoute[] } = {}): App {
  const rawBodies = options.rawBodies ?? [];
  const rawRoute = (method: string, path: string) => rawBodies.find((r) => r.method === method && r.path.test(path));
  const app = new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const errors = result.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          code: issue.code,
          message: issue.message,
        }));
        return withRequestId(
          problemResponse(400, 'validation_failed', 'La requête contient des valeurs invalides.', { errors }),
          c.get('requestId'),
        );
      }
    },
  });

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('log', deps.logger.child({ requestId }));
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    c.get('log').info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-site',
      referrerPolicy: 'strict-origin-when-cross-origin',
      strictTransportSecurity: deps.config.production ? 'max-age=31536000; includeSubDomains' : false,
      // A handler that sets one of these headers itself (the docs page's own CSP) keeps it.
      overwrite: false,
    }),
  );
  const limit = (maxSize: number, code: string, detail: string): MiddlewareHandler<AppEnv> =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, code, detail);
      },
    });
  const jsonLimit = limit(deps.config.BODY_LIMIT_BYTES, 'body_too_large', `Le corps de la requête dépasse ${deps.config.BODY_LIMIT_BYTES} octets.`);
  const rawLimits = new Map(rawBodies.map((r) => [r, limit(r.maxBytes, r.tooLarge.code, r.tooLarge.detail)]));
  app.use('*', (c, next) => {
    const raw = rawRoute(c.req.method, c.req.path);
    return (raw ? rawLimits.get(raw)! : jsonLimit)(c, next);
  });
  app.use('*', (c, next) => (rawRoute(c.req.method, c.req.path) ? next() : requireJsonBody(c, next)));
  app.use('*', sessionMiddleware);
  app.use('*', csrfGuard);

  app.notFound((c) =>
    withRequestId(problemResponse(404, 'route_not_found', "Cette adresse n'existe pas dans l'API."), c.get('requestId')),
  );
  app.onError((err, c) => {
    const requestId = c.get('requestId');
    const known = err instanceof ApiError ? err : fromDatabaseError(err);
    if (known) {
      if (known.status >= 500) c.get('log')?.warn('service unavailable', { code: known.code, error: String(err) });
      return withRequestId(problemResponse(known.status, known.code, known.detail, known.extra, known.headers), requestId);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 400 ? 'malformed_request' : `http_${status}`;
      const detail = status === 400 ? 'La requête est mal formée (JSON invalide ?).' : err.message || 'Erreur';
      return withRequestId(problemResponse(status, code, detail), requestId);
    }
    c.get('log')?.error('unhandled error', { error: err instanceof Error ? err.stack : String(err) });
    return withRequestId(problemResponse(500, 'internal_error', 'Une erreur inattendue est survenue.'), requestId);
  });
  return app;
}

function withRequestId(res: Response, requestId: string | undefined): Response {
  if (requestId) res.headers.set('x-request-id', requestId);
  return res;
}

const JSON_TYPE = /^application\/(merge-patch\+)?json\s*(;|$)/i;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Writes carry JSON only: anything else is refused before validation (415). JSON is
 * UTF-8 (RFC 8259): bytes that are not (overlong forms, encoded surrogates, stray
 * continuation bytes) are refused (400) instead of being stored as U+FFFD. The body is
 * read once here; the validators read it again from Hono's cache.
 */
const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = c.req.header('content-type') ?? '';
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !JSON_TYPE.test(type)) {
      throw new ApiError(415, 'unsupported_media_type', 'Envoyez le corps en JSON (Content-Type: application/json).');
    }
    if (JSON_TYPE.test(type)) {
      try {
        STRICT_UTF8.decode(await c.req.arrayBuffer());
      } catch (err) {
        if (!(err instanceof TypeError)) throw err;
        throw new ApiError(400, 'malformed_request', "Le corps de la requête contient des caractères invalides (il doit être en UTF-8).");
      }
    }
  }
  await next();
};
