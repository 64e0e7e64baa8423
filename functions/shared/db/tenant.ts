// The one place that sets the tenant context. Every request runs in exactly one
// transaction that first switches to the application role and sets the acting user
// and territory transaction-locally (set_config(..., true)), so nothing survives into
// the next transaction on the same connection, even behind PgBouncer in transaction
// pooling. No handler sets roles or settings itself.
import { sql } from 'drizzle-orm';
import { notFound } from '../http/problems';
import { type Database, rowsOf, type Tx } from './client';

export const APP_ROLE = 'soliterr_app';

export interface Scope {
  tx: Tx;
  userId: string | null;
  territoryId: string | null;
  /** Act as another user from now on in this transaction (after sign-in or registration). */
  actAs(userId: string | null): Promise<void>;
  /** Enter a territory from now on in this transaction (after creating it). */
  enterTerritory(territoryId: string | null): Promise<void>;
}

export interface TerritoryRow {
  id: string;
  slug: string;
  name: string;
  visibility: 'public' | 'private';
  membershipPolicy: 'open' | 'approval' | 'invitation';
}

export interface TerritoryScope extends Scope {
  territory: TerritoryRow;
  territoryId: string;
  /** The caller's active role in this territory, or null for visitors and pending members. */
  role: 'admin' | 'facilitator' | 'member' | null;
  /** The caller's active membership id in this territory, or null. */
  membershipId: string | null;
}

async function setting(tx: Tx, name: string, value: string | null): Promise<void> {
  await tx.execute(sql`select set_config(${name}, ${value ?? ''}, true)`);
}

/** Runs fn in one transaction as the application role, acting as userId (or nobody). */
export async function withContext<T>(
  database: Database,
  context: { userId?: string | null; territoryId?: string | null },
  fn: (scope: Scope) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    const scope: Scope = {
      tx,
      userId: context.userId ?? null,
      territoryId: context.territoryId ?? null,
      async actAs(userId) {
        await setting(tx, 'app.user_id', userId);
        scope.userId = userId;
      },
      async enterTerritory(territoryId) {
        await setting(tx, 'app.territory_id', territoryId);
        scope.territoryId = territoryId;
      },
    };
    await scope.actAs(scope.userId);
    await scope.enterTerritory(scope.territoryId);
    return fn(scope);
  });
}

/**
 * Runs fn inside the territory named by slug. An unknown territory and a private
 * territory the caller does not belong to are indistinguishable: both are 404.
 */
export async function withTerritory<T>(
  database: Database,
  context: { userId?: string | null; slug: string },
  fn: (scope: TerritoryScope) => Promise<T>,
): Promise<T> {
  return withContext(database, { userId: context.userId }, async (scope) => {
    const found = rowsOf<TerritoryRow & { role: TerritoryScope['role']; membershipId: string | null }>(
      await scope.tx.execute(sql`
        select id, slug, name, visibility, membership_policy as "membershipPolicy",
               app.member_role(id) as role, app.my_membership_id(id) as "membershipId"
          from territories where slug = ${context.slug}`),
    )[0];
    if (!found) throw notFound('territory_not_found', "Ce territoire n'existe pas ou n'est pas visible.");
    await scope.enterTerritory(found.id);
    const { role, membershipId, ...territory } = found;
    return fn(Object.assign(scope, { territory, territoryId: found.id, role, membershipId }) as TerritoryScope);
  });
}

/**
 * Refuses to start when the role requests run as could bypass row-level security:
 * superuser, BYPASSRLS, or owner of any table. With `requireUnprivilegedLogin` (production
 * on PostgreSQL), the login role itself must not be privileged either: SQL running as
 * soliterr_app could otherwise `RESET ROLE` back to it. PGlite is embedded: its only
 * session is a superuser, and nothing outside the process can reach it.
 */
export async function assertRlsBackstop(
  database: Database,
  options: { requireUnprivilegedLogin?: boolean } = {},
): Promise<void> {
  const [row] = rowsOf<{ superuser: boolean; bypass: boolean; owned: number; app_role: string }>(
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      return tx.execute(sql`
        select current_setting('is_superuser') = 'on' as superuser,
               (select rolbypassrls from pg_roles where rolname = current_user) as bypass,
               (select count(*)::int from pg_class c join pg_roles r on r.oid = c.relowner
                 where r.rolname = current_user and c.relkind in ('r', 'p', 'v', 'm')) as owned,
               current_user as app_role`);
    }),
  );
  if (!row || row.superuser || row.bypass || row.owned > 0) {
    throw new Error(
      `Refusing to start: requests would run as "${row?.app_role}", which can bypass row-level security ` +
        `(superuser=${row?.superuser}, bypassrls=${row?.bypass}, owned tables=${row?.owned}).`,
    );
  }
  if (options.requireUnprivilegedLogin && (await loginIsPrivileged(database))) {
    throw new Error(
      'Refusing to start: DATABASE_URL logs in as a superuser or BYPASSRLS role. ' +
        `Log in as a role that is only a member of ${APP_ROLE} (see docs/decisions/003-row-level-security.md).`,
    );
  }
}

/** True when the login role of a PostgreSQL connection is superuser or BYPASSRLS. */
export async function loginIsPrivileged(database: Database): Promise<boolean> {
  if (database.kind !== 'postgres') return false;
  const [login] = rowsOf<{ privileged: boolean }>(
    await database.db.execute(sql`select rolsuper or rolbypassrls as privileged from pg_roles where rolname = session_user`),
  );
  return login?.privileged ?? true;
}
