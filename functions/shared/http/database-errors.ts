// Maps PostgreSQL errors to API errors without leaking SQL, constraint names of other
// territories or stack traces. Unknown errors stay 500 and are logged.
import { ApiError } from './problems';

interface PgLikeError {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  hint?: string;
  cause?: unknown;
  errno?: string;
}

function pgError(err: unknown): PgLikeError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']);

function isConnectionError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as PgLikeError;
    if ((e.code && CONNECTION_CODES.has(e.code)) || (e.errno && CONNECTION_CODES.has(e.errno))) return true;
    current = e.cause;
  }
  return false;
}

export function fromDatabaseError(err: unknown): ApiError | undefined {
  if (isConnectionError(err)) {
    return new ApiError(503, 'database_unavailable', 'Le service est momentanément indisponible. Réessayez dans un instant.', {}, { 'retry-after': '5' });
  }
  const e = pgError(err);
  if (!e?.code) return undefined;
  const constraint = e.constraint ?? e.constraint_name ?? '';
  switch (e.code) {
    case '23505':
      return new ApiError(409, 'already_exists', 'Cet élément existe déjà.', constraint ? { field: constraintField(constraint) } : {});
    case '23503':
      return new ApiError(422, 'reference_not_found', "Un élément référencé n'existe pas dans ce territoire.");
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
    case '22021':
      return new ApiError(422, 'invalid_value', "Une valeur n'est pas acceptable.");
    case '42501':
      // Row-level security or a guard refused the change.
      return new ApiError(403, 'forbidden', "Vous n'avez pas le droit de faire cela.");
    case 'P0001':
      if (e.hint === 'last_admin') return new ApiError(409, 'last_admin', 'Un territoire garde au moins un administrateur.');
      return undefined;
    case '40001':
    case '40P01':
      return new ApiError(409, 'concurrent_change', 'Une modification simultanée a eu lieu. Réessayez.');
    case '57P01':
    case '57P02':
    case '57P03':
    case '53300':
    case '08000':
    case '08003':
    case '08006':
    case '08001':
    case '08004':
      return new ApiError(503, 'database_unavailable', 'Le service est momentanément indisponible. Réessayez dans un instant.', {}, { 'retry-after': '5' });
    default:
      return undefined;
  }
}

/** Only our own, territory-scoped constraint names are turned into a field name. */
function constraintField(constraint: string): string | undefined {
  const known: Record<string, string> = {
    territories_slug_key: 'slug',
    users_email_key: 'email',
    categories_slug_key: 'slug',
    memberships_user_key: 'membership',
  };
  return known[constraint];
}

export function isUniqueViolation(err: unknown): boolean {
  return pgError(err)?.code === '23505';
}
