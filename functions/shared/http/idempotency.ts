// Idempotency-Key for the POSTs that create something: a client that lost the answer (a
// timeout, a 502, a 503) sends the same request again with the same key and gets the
// first answer back, and nothing is created twice.
//
// The key is checked and stored inside the request's own transaction, the one that
// creates the row: a creation that rolls back leaves no key, and a stored key always has
// its row. Concurrent duplicates are told apart by a transaction-level advisory lock on
// (caller, key): the first one runs, the others get 409 idempotency_in_progress at once.
//
//   return withTerritory(database, { userId, slug }, idempotent(c, async (scope) => {
//     …create…
//     return c.json(view, 201, headers);
//   }));
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { idempotencyKeys } from '../../../schemas/db';
import { rowsOf } from '../db/client';
import type { Scope } from '../db/tenant';
import { isUniqueViolation } from './database-errors';
import type { AppEnv } from './deps';
import { ApiError, unprocessable } from './problems';

/** Keys are kept 24 hours: long enough for any retry, short enough to stay small. */
export const IDEMPOTENCY_TTL_HOURS = 24;

const KEY = /^[\x20-\x7e]{1,255}$/;

/** The reusable header parameter (components.parameters.IdempotencyKey in the OpenAPI document). */
export const IdempotencyKey = z
  .string()
  .regex(KEY, '1 à 255 caractères ASCII imprimables')
  .openapi('IdempotencyKey', {
    // Lower-case like every header parameter here: Hono hands validators lower-cased header names.
    param: { name: 'idempotency-key', in: 'header', required: false },
    description:
      'Clé choisie par le client (1 à 255 caractères ASCII imprimables, par exemple un UUID) pour pouvoir ' +
      'renvoyer la même requête sans rien créer deux fois : pendant 24 heures, la même clé avec la même requête ' +
      'renvoie la première réponse (en-tête `Idempotent-Replayed: true`) ; avec une autre requête, 422 ' +
      '`idempotency_key_reused` ; pendant que la première s’exécute encore, 409 `idempotency_in_progress`. ' +
      'Propre à la personne connectée ; ignorée sans connexion.',
    example: '6f1c2a9e-4b7d-4e55-9a0c-2f8d1e3b7c64',
  });

/** `request.headers` of a route that accepts the key. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** The answer's headers worth replaying; a cookie or a request id never are. */
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

// A fixed first half of the two-part advisory lock key, so these locks share no number
// with any other advisory lock of the database.
const LOCK_SPACE = 0x1de4;

interface StoredAnswer {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Wraps the transaction body of a creation. Without a key, or for an anonymous caller,
 * it runs fn unchanged. With one: replays the stored answer, refuses a reused key, or runs
 * fn and stores a 2xx answer in the same transaction.
 */
export function idempotent<S extends Scope, R extends Response>(
  c: Context<AppEnv>,
  fn: (scope: S) => Promise<R>,
): (scope: S) => Promise<R> {
  return async (scope) => {
    const key = c.req.header('idempotency-key');
    const userId = scope.userId;
    if (key === undefined || !userId) return fn(scope);
    if (!KEY.test(key)) {
      throw new ApiError(400, 'validation_failed', 'En-tête Idempotency-Key invalide : 1 à 255 caractères ASCII imprimables.');
    }
    const fingerprint = await fingerprintOf(c);
    const [lock] = rowsOf<{ locked: boolean }>(
      await scope.tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext(${userId}::text || ' ' || ${key})) as locked`),
    );
    if (!lock?.locked) throw inProgress();
    const [stored] = rowsOf<StoredAnswer>(
      await scope.tx.execute(sql`select fingerprint, status, headers, body from app.my_idempotency_key(${key})`),
    );
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw unprocessable(
          'idempotency_key_reused',
          'Cette clé Idempotency-Key a déjà servi pour une autre requête. Utilisez une nouvelle clé pour une nouvelle demande.',
        );
      }
      return replay(stored) as R;
    }
    const response = await fn(scope);
    if (response.status >= 200 && response.status < 300 && scope.territoryId) {
      const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => (response.headers.has(h) ? [[h, response.headers.get(h)!]] : [])));
      await scope.tx.execute(sql`select app.forget_expired_idempotency_keys(${key})`);
      try {
        await scope.tx.insert(idempotencyKeys).values({
          territoryId: scope.territoryId,
          userId,
          key,
          fingerprint,
          status: response.status,
          headers,
          body: await response.clone().text(),
          expiresAt: sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
        });
      } catch (err) {
        // The lock makes this unreachable unless two lock keys collide; the answer is the same.
        if (isUniqueViolation(err)) throw inProgress();
        throw err;
      }
    }
    return response;
  };
}

const inProgress = () =>
  new ApiError(
    409,
    'idempotency_in_progress',
    'Une requête avec cette clé Idempotency-Key est en cours. Réessayez dans un instant.',
    {},
    { 'retry-after': '1' },
  );

function replay(stored: StoredAnswer): Response {
  return new Response(stored.body, {
    status: stored.status,
    headers: { ...stored.headers, 'idempotent-replayed': 'true' },
  });
}

/** Method, path and body with sorted keys: the same request however its JSON is laid out. */
async function fingerprintOf(c: Context<AppEnv>): Promise<string> {
  const body = await c.req.json().catch(() => null);
  return createHash('sha256')
    .update(JSON.stringify([c.req.method, c.req.path, canonical(body)]))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
