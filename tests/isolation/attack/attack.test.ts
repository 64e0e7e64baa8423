// Issue 3 §1 — the cross-territory attack. Every operation of the OpenAPI document, for
// every caller of territory A, is called with B's (and private P's) slugs and ids in its
// path, query and body. Each answer must be a refusal the document declares (or a
// harmless answer about A), must not tell B's ids from ids that exist nowhere, must not
// carry any marker of B, and B's stored rows must not change. See README.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../functions';
import { buildOpenApiDocument, operationsOf } from '../../../functions/docs/document';
import { DATABASE_KINDS } from '../../support/database';
import { createTestApi, ORIGIN, type TestApi } from '../../support/harness';
import { CASES } from './cases';
import { changedParts, newTally, runAttempts, stateReader, type TargetState } from './runner';
import { buildWorld, type World } from './world';

const operations = operationsOf(buildOpenApiDocument(FUNCTIONS, ORIGIN));
const operationIds = operations.map((o) => o.operation.operationId);

describe('the attack suite covers the whole API', () => {
  it('has a case generator for every operation of the document', () => {
    expect(operationIds.filter((id) => !(id in CASES))).toEqual([]);
  });
  it('has no case generator for an operation the document no longer has', () => {
    expect(Object.keys(CASES).filter((id) => !operationIds.includes(id))).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('cross-territory attack on %s', (kind) => {
  let api: TestApi;
  let w: World;
  let readState: () => Promise<TargetState>;
  let initial: TargetState;
  const tally = newTally();
  const started = Date.now();

  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    w = await buildWorld(api);
    readState = await stateReader(api.db.owner, [w.B.id, w.P.id], w.targetUserIds);
    initial = await readState();
  }, 180_000);
  afterAll(async () => {
    if (tally.attempts > 0) {
      console.log(
        `[attack ${kind}] ${tally.operations.size} operations × ${tally.callers.size} callers: ${tally.attempts} attempts ` +
          `(+${tally.controls} controls with ids that exist nowhere), leaks found: ${tally.leaks} (expected 0), ` +
          `failures: ${tally.failures.length}, ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }
    await api?.close();
  });

  it.each(operations.map((entry) => [`${entry.operation.operationId} (${entry.method.toUpperCase()} ${entry.path})`, entry] as const))(
    '%s: refused, indistinguishable from nothing, leaks nothing, changes nothing in B',
    async (_label, entry) => {
      const generate = CASES[entry.operation.operationId];
      expect(generate, `no attack case for ${entry.operation.operationId}`).toBeDefined();
      const before = tally.failures.length;
      let attempted = 0;
      for (const caller of w.callers) {
        // What an active member of B may do anyway is not an attack when they do it.
        const attempts = (await generate(w, caller)).filter(
          (a) => !(caller.inB && (a.legitForMembersOfB ?? a.parts.params?.slug === w.B.slug)),
        );
        attempted += attempts.length;
        tally.callers.add(caller.key);
        await runAttempts(w, entry, caller, attempts, readState, tally);
      }
      tally.operations.add(entry.operation.operationId);
      expect(attempted, 'the case generator made no attempt').toBeGreaterThan(0);
      expect(tally.failures.slice(before)).toEqual([]);
    },
  );

  it('leaves B exactly as it was built (but for password-reset tokens), and found no leak', async () => {
    expect(tally.leaks).toBe(0);
    expect(changedParts(initial, await readState(), true)).toEqual([]);
  });
});
