// Writes that would cross from one territory into another: refused by the policies'
// WITH CHECK (42501) or by foreign keys that include territory_id (23503). Unique keys are
// per territory, so their errors say nothing about another territory.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { A, B, cats, members, orgs, people, uuid } from './fixtures';
import { attempt, inTerritory, type Isolation, storedCount } from './requests';

export function crossTerritoryWrites(_kind: DatabaseKind, isolation: () => Isolation): void {
  describe('writes across territories', () => {
    let db: TestDatabase;
    beforeAll(() => {
      ({ db } = isolation());
    });

    describe('cross-territory inserts are refused', () => {
      // The same row for either territory, with references valid in that territory: the
      // control (own territory) succeeds, so the refusal is about the territory and nothing else.
      const rowsFor = (t: typeof A | typeof B, actor: string, id: string) => {
        const admin = t === A ? members.adminA : members.adminB;
        const category = t === A ? cats.vehiclesA : cats.vehiclesB;
        return {
          listings: sql`insert into listings (territory_id, id, kind, category_id, title, exchange_modes, author_membership_id, visibility)
                        values (${t.id}, ${id}, 'offer', ${category.id}, 'Prêt d''une remorque', '{pret}', ${admin.id}, 'public')`,
          organisations: sql`insert into organisations (territory_id, id, kind, name, created_by)
                        values (${t.id}, ${id}, 'association', 'Les Jardins partagés', ${admin.id})`,
          categories: sql`insert into categories (territory_id, id, slug, label_fr, label_en)
                        values (${t.id}, ${id}, 'savoir-faire', 'Savoir-faire', 'Know-how')`,
          audit_log: sql`insert into audit_log (territory_id, id, actor_user_id, action, target_type)
                        values (${t.id}, ${id}, ${actor}, 'category.created', 'category')`,
          invitations: sql`insert into invitations (territory_id, id, email, token_hash, invited_by, expires_at)
                        values (${t.id}, ${id}, 'contact@epicerie.example.fr', ${`hash-${id}`}, ${admin.id}, now() + interval '7 days')`,
        };
      };

      it('the admin of A cannot write listings, organisations, categories, audit entries or invitations into B', async () => {
        const states = await inTerritory(db.database, people.adminA.id, A.slug, async (scope) => {
          const out: Record<string, [string, string]> = {};
          const intoB = rowsFor(B, people.adminA.id, uuid(9, 1));
          const intoA = rowsFor(A, people.adminA.id, uuid(9, 2));
          for (const table of Object.keys(intoB) as (keyof typeof intoB)[]) {
            out[table] = [await attempt(scope, intoB[table]), await attempt(scope, intoA[table])];
          }
          return out;
        });
        expect(states).toEqual({
          listings: ['42501', 'ok:1'],
          organisations: ['42501', 'ok:1'],
          categories: ['42501', 'ok:1'],
          audit_log: ['42501', 'ok:1'],
          invitations: ['42501', 'ok:1'],
        });
        expect(await storedCount(db.owner, 'listings', B.id)).toBe(2);
      });

      it('someone joining through A cannot write a membership into B', async () => {
        const join = (t: typeof A | typeof B) => sql`insert into memberships (territory_id, id, user_id, role, status)
          values (${t.id}, ${uuid(9, 3)}, ${people.outsider.id}, 'member', 'pending')`;
        const states = await inTerritory(db.database, people.outsider.id, A.slug, async (scope) =>
          [await attempt(scope, join(B)), await attempt(scope, join(A))]);
        expect(states).toEqual(['42501', 'ok:1']);
      });

      it("a row of A cannot reference B's category, organisation or membership (foreign keys include territory_id)", async () => {
        const listing = (categoryId: string, organisationId: string | null) => sql`
          insert into listings (territory_id, id, kind, category_id, title, exchange_modes, author_membership_id, organisation_id)
          values (${A.id}, ${uuid(9, 4)}, 'need', ${categoryId}, 'Cherche cagettes', '{don}', ${members.memberA.id}, ${organisationId})`;
        const states = await inTerritory(db.database, people.memberA.id, A.slug, async (scope) => ({
          categoryOfB: await attempt(scope, listing(cats.premisesB.id, null)),
          organisationOfB: await attempt(scope, listing(cats.suppliesA.id, orgs.farm.id)),
          control: await attempt(scope, listing(cats.suppliesA.id, orgs.jam.id)),
          ownMembershipToOrganisationOfB: await attempt(scope,
            sql`update memberships set organisation_id = ${orgs.farm.id} where id = ${members.memberA.id}`),
        }));
        expect(states).toEqual({ categoryOfB: '23503', organisationOfB: '23503', control: 'ok:1', ownMembershipToOrganisationOfB: '23503' });
        const invitedByB = await inTerritory(db.database, people.adminA.id, A.slug, (scope) => attempt(scope, sql`
          insert into invitations (territory_id, id, email, token_hash, invited_by, expires_at)
          values (${A.id}, ${uuid(9, 5)}, 'x@example.fr', 'hash-x', ${members.adminB.id}, now() + interval '1 day')`));
        expect(invitedByB).toBe('23503');
      });
    });

    describe('unique constraints reveal nothing of another territory', () => {
      it("a slug or an id used only in B is free in A; a slug used in A is not", async () => {
        const insert = (id: string, slug: string) => sql`insert into categories (territory_id, id, slug, label_fr, label_en)
          values (${A.id}, ${id}, ${slug}, 'Locaux et espaces', 'Premises')`;
        const states = await inTerritory(db.database, people.adminA.id, A.slug, async (scope) => ({
          slugOfB: await attempt(scope, insert(uuid(9, 7), cats.premisesB.slug)),
          idOfB: await attempt(scope, insert(cats.premisesB.id, 'tiers-lieux')),
          slugOfA: await attempt(scope, insert(uuid(9, 8), cats.vehiclesA.slug)),
        }));
        expect(states).toEqual({ slugOfB: 'ok:1', idOfB: 'ok:1', slugOfA: '23505' });
      });

      it('a member of B alone may ask to join A; a second request in A is a duplicate', async () => {
        const join = (id: string) => sql`insert into memberships (territory_id, id, user_id, role, status)
          values (${A.id}, ${id}, ${people.memberB.id}, 'member', 'pending')`;
        const states = await inTerritory(db.database, people.memberB.id, A.slug, async (scope) =>
          [await attempt(scope, join(uuid(9, 9))), await attempt(scope, join(uuid(9, 10)))]);
        expect(states).toEqual(['ok:1', '23505']);
        // Marie is in A already, but her B membership's id is free in A: the key is (territory_id, id).
        const sameId = await inTerritory(db.database, people.outsider.id, A.slug, (scope) => attempt(scope, sql`
          insert into memberships (territory_id, id, user_id, role, status)
          values (${A.id}, ${members.bothB.id}, ${people.outsider.id}, 'member', 'pending')`));
        expect(sameId).toBe('ok:1');
      });
    });
  });
}
