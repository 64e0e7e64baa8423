// A territory's logo: the bytes in object storage (functions/shared/storage), the key,
// type and date on the territory row. PNG, JPEG or WebP only, checked by their first
// bytes: SVG can carry scripts, and a declared type is only a claim.
import type { RouteHandler } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { territories } from '../../schemas/db';
import { recordAudit } from '../shared/audit';
import { requireUser } from '../shared/auth/middleware';
import type { RawBodyRoute } from '../shared/http/app';
import type { AppEnv } from '../shared/http/deps';
import { withTerritory } from '../shared/db/tenant';
import { ApiError, forbidden, notFound } from '../shared/http/problems';
import { objectStoreOf } from '../shared/storage';
import type * as r from './routes';
import { territoryView } from './views';

export const LOGO_MAX_BYTES = 512 * 1024;
const TOO_LARGE = { code: 'logo_too_large', detail: 'Le logo dépasse 512 Kio : réduisez-le (par exemple 400 × 400 pixels) et réessayez.' };

/** The one operation with a non-JSON body and a larger limit (functions/shared/http/app.ts). */
export const LOGO_RAW_BODY: RawBodyRoute = { method: 'PUT', path: /^\/api\/v1\/territories\/[^/]+\/logo$/, maxBytes: LOGO_MAX_BYTES, tooLarge: TOO_LARGE };

const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
};

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The image type the bytes really are, when it is the one declared and an accepted one. */
export function checkLogo(declared: string, bytes: Uint8Array): string {
  const type = declared.split(';')[0].trim().toLowerCase();
  const matches = SIGNATURES[type];
  if (!matches) throw new ApiError(415, 'logo_type_unsupported', 'Le logo doit être une image PNG, JPEG ou WebP (le SVG n’est pas accepté).');
  if (bytes.length > LOGO_MAX_BYTES) throw new ApiError(413, TOO_LARGE.code, TOO_LARGE.detail);
  if (!matches(bytes)) throw new ApiError(415, 'logo_type_unsupported', `Ce fichier n’est pas une image ${type.slice(6).toUpperCase()} valide.`);
  return type;
}

const adminOnly = () => forbidden('admin_only', 'Seuls les administrateurs du territoire peuvent changer son logo.');

export const putTerritoryLogo: RouteHandler<typeof r.putTerritoryLogo, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.param() as { slug: string };
  const deps = c.get('deps');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let previous: string | null = null;
  const view = await withTerritory(deps.database, { userId: user.id, slug }, async (scope) => {
    if (scope.role !== 'admin') throw adminOnly();
    const type = checkLogo(c.req.header('content-type') ?? '', bytes);
    const [row] = await scope.tx.select({ logoKey: territories.logoKey }).from(territories).where(eq(territories.id, scope.territoryId));
    previous = row?.logoKey ?? null;
    const now = new Date();
    // A new key per upload: the old bytes stay readable until this transaction commits.
    const key = `territories/${scope.territoryId}/logo-${now.getTime()}`;
    await objectStoreOf(deps.config).put(key, bytes, type);
    await scope.tx.update(territories).set({ logoKey: key, logoContentType: type, logoUpdatedAt: now, updatedAt: now }).where(eq(territories.id, scope.territoryId));
    await recordAudit(scope, { action: 'territory.updated', targetType: 'territory', targetId: scope.territoryId, details: { fields: ['logo'], bytes: bytes.length, type } });
    return territoryView(scope, scope.territoryId);
  });
  await removeQuietly(c, previous);
  return c.json(view, 200);
};

export const deleteTerritoryLogo: RouteHandler<typeof r.deleteTerritoryLogo, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  let previous: string | null = null;
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (scope.role !== 'admin') throw adminOnly();
    const [row] = await scope.tx.select({ logoKey: territories.logoKey }).from(territories).where(eq(territories.id, scope.territoryId));
    previous = row?.logoKey ?? null;
    if (previous) {
      await scope.tx.update(territories).set({ logoKey: null, logoContentType: null, logoUpdatedAt: new Date(), updatedAt: new Date() }).where(eq(territories.id, scope.territoryId));
      await recordAudit(scope, { action: 'territory.updated', targetType: 'territory', targetId: scope.territoryId, details: { fields: ['logo'], removed: true } });
    }
    return territoryView(scope, scope.territoryId);
  });
  await removeQuietly(c, previous);
  return c.json(view, 200);
};

/** Old bytes go once the row no longer points at them; a failure only leaves an orphan. */
async function removeQuietly(c: Parameters<typeof putTerritoryLogo>[0], key: string | null): Promise<void> {
  if (!key) return;
  await objectStoreOf(c.get('deps').config).delete(key).catch((error) => c.get('log').warn('old logo not removed', { key, error: String(error) }));
}

export const getTerritoryLogo: RouteHandler<typeof r.getTerritoryLogo, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const deps = c.get('deps');
  const row = await withTerritory(deps.database, { userId: c.get('user')?.id, slug }, async (scope) => {
    const [found] = await scope.tx
      .select({ key: territories.logoKey, type: territories.logoContentType, visibility: territories.visibility })
      .from(territories)
      .where(eq(territories.id, scope.territoryId));
    return found;
  });
  const none = () => notFound('logo_not_found', "Ce territoire n'a pas de logo.");
  if (!row?.key || !row.type) throw none();
  const etag = `"${row.key.slice(row.key.lastIndexOf('/') + 1)}"`;
  const headers: Record<string, string> = {
    etag,
    // A private territory's logo is for its members: no shared cache keeps it.
    'cache-control': `${row.visibility === 'public' ? 'public' : 'private'}, max-age=86400`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
  };
  if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag)) return c.body(null, 304, headers) as never;
  const object = await objectStoreOf(deps.config).get(row.key);
  if (!object) throw none();
  return c.body(object.body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': row.type }) as never;
};
