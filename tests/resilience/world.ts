// What every scenario starts from: a migrated database on the suite's own cluster, the
// function processes on it behind the gateway, a territory founded through the API, its
// people (written by the owner) and a few listings everybody edits.
import { hashToken, generateToken } from '../../functions/shared/auth/tokens';
import { sessions, users } from '../../schemas/db';
import { type Member, newTally, send, seedMembers } from './clients';
import type { Cluster } from './cluster';
import { type Bundles, prepareDatabase, type Stack, type StackDatabase, startStack } from './stack';

export interface World {
  db: StackDatabase;
  stack: Stack;
  slug: string;
  territoryId: string;
  categoryId: string;
  members: Member[];
  /** Listings every client edits. */
  hot: string[];
  close(): Promise<void>;
}

let worlds = 0;

export async function openWorld(cluster: Cluster, bundles: Bundles, options: { people: number; hot: number }): Promise<World> {
  worlds += 1;
  const name = `resilience_${process.pid}_${worlds}`;
  const db = await prepareDatabase(cluster, name);
  let stack: Stack | undefined;
  try {
    stack = await startStack(bundles, db.appUrl);
    // The founder signs in with a session written by the owner; the territory itself (and
    // its default categories) is created through the API.
    const founder = { id: crypto.randomUUID(), token: generateToken() };
    await db.owner.db.insert(users).values({ id: founder.id, email: `fondatrice.${name}@example.fr`, name: 'Sophie Fondatrice', passwordHash: '$argon2id$unused', emailVerifiedAt: new Date() });
    await db.owner.db.insert(sessions).values({ id: hashToken(founder.token), userId: founder.id, expiresAt: new Date(Date.now() + 30 * 86_400_000) });
    const tally = newTally();
    const slug = `charge-${worlds}`;
    const created = await send(stack.url, tally, 'POST', '/api/v1/territories', {
      token: founder.token,
      body: { territory: { slug, name: 'Réseau des acteurs des Baronnies', membershipPolicy: 'approval' } },
    });
    if (created.status !== 201) throw new Error(`territory: ${created.status} ${JSON.stringify(created.body)}`);
    const territoryId: string = created.body.territory.id;
    const cats = await send(stack.url, tally, 'GET', `/api/v1/territories/${slug}/categories`, { token: founder.token });
    const categoryId: string = cats.body.items[0].id;
    const members = await seedMembers(db, territoryId, options.people, name);
    const hot: string[] = [];
    for (let i = 0; i < options.hot; i++) {
      const listing = await send(stack.url, tally, 'POST', `/api/v1/territories/${slug}/listings`, {
        token: members[0].token,
        body: { kind: 'offer', categoryId, title: `Fourgon partagé n°${i + 1}`, description: 'version 1', exchangeModes: ['pret'] },
      });
      if (listing.status !== 201) throw new Error(`hot listing: ${listing.status} ${JSON.stringify(listing.body)}`);
      hot.push(listing.body.id);
    }
    const opened = stack;
    return {
      db, stack: opened, slug, territoryId, categoryId, members, hot,
      async close() {
        await opened.close();
        await db.close();
      },
    };
  } catch (err) {
    await stack?.close();
    await db.close();
    throw err;
  }
}
