// Issue 3 §2 — bad input. For every operation of the OpenAPI document, fast-check builds
// requests from its schemas: families that break the contract in one place must get a
// 4xx problem+json and leave every stored row as it was; plausible requests full of
// hostile text must never get a 5xx, and text they store must come back as sent.
// A fixed seed and a few runs in `npm test`; `npm run fuzz` runs many more (FUZZ_RUNS).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions';
import { buildOpenApiDocument, operationsOf } from '../../functions/docs/document';
import { DATABASE_KINDS } from '../support/database';
import { createTestApi, ORIGIN, type TestApi } from '../support/harness';
import { parameterRequests, plausibleRequest, refusals, shapeOf } from './requests';
import { roundTrips } from './roundtrip';
import { databaseDigest, describeRequest, plausibleProblems, refusalProblems, send } from './send';
import { buildFuzzWorld, type FuzzWorld, PATH_PARAMETERS } from './world';

/** Tests may read the environment (only the product's config may not): the fuzz knobs. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 20260401);
const SHRINK = process.env.FUZZ_SHRINK === 'true';

const document = buildOpenApiDocument(FUNCTIONS, ORIGIN);
const shapes = operationsOf(document).map((entry) => shapeOf(document, entry));

describe('the fuzz covers the whole API', () => {
  it('has a value for every path parameter of the document', () => {
    const missing = shapes.flatMap((s) => s.path_.map((p) => p.name)).filter((name) => !PATH_PARAMETERS.includes(name));
    expect(missing, 'add the parameter to tests/robustness/world.ts').toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  // Per operation: 2×FUZZ_RUNS batches of refusals (one request of every family, and one
  // more), 3×FUZZ_RUNS plausible requests, each parameter alone 2×FUZZ_RUNS times plus
  // the fixed examples, and 2×FUZZ_RUNS round trips of each kind.
  let api: TestApi;
  let w: FuzzWorld;
  let digest: () => Promise<Record<string, string>>;
  const counts = { refused: 0, plausible: 0, operations: new Set<string>() };
  const started = Date.now();
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    w = await buildFuzzWorld(api);
    digest = await databaseDigest(api.db.owner);
  }, 180_000);
  afterAll(async () => {
    if (counts.operations.size) {
      console.log(`[fuzz ${kind}] ${counts.operations.size} operations: ${counts.refused} requests that must be refused, ` +
        `${counts.plausible} plausible requests; seed ${SEED}, FUZZ_RUNS=${RUNS}; ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await api?.close();
  });

  it.each(shapes.map((s, i) => [`${s.id} (${s.method} ${s.path})`, s, i] as const))('%s', async (_label, shape, index) => {
    const params = Object.fromEntries(shape.path_.map((p) => [p.name, w.params[p.name]]));
    const families = refusals(document, shape, params);
    expect(Object.keys(families).length, 'no way to fuzz this operation').toBeGreaterThan(0);
    const options = { seed: SEED + index, numRuns: RUNS, endOnFailure: !SHRINK };
    // One batch per run: a request of every family (two of one of them), then the digest.
    const batches = fc
      .tuple(fc.tuple(...Object.values(families)), fc.constantFrom(...Object.values(families)).chain((one) => one))
      .map(([each, extra]) => [...each, extra]);
    await fc.assert(
      fc.asyncProperty(batches, async (batch) => {
        // Tokens first: a spare session (logout) is a row the digest must already hold.
        const tokens = [];
        for (const _ of batch) tokens.push(await w.tokenFor(shape.id));
        const before = await digest();
        for (const [i, req] of batch.entries()) {
          const answer = await send(w, shape, req, tokens[i]);
          counts.refused += 1;
          const problems = refusalProblems(shape, answer);
          if (problems.length) throw new Error(`${problems.join('; ')}: ${describeRequest(req, answer)}`);
        }
        const after = await digest();
        const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
        if (changed.length) throw new Error(`refused requests (${batch.map((r) => r.family).join(', ')}) changed ${changed.join(', ')}`);
      }),
      { ...options, numRuns: RUNS * 2 },
    );
    await fc.assert(
      fc.asyncProperty(plausibleRequest(document, shape, params), async (req) => {
        const answer = await send(w, shape, req);
        counts.plausible += 1;
        const problems = plausibleProblems(document, shape, req, answer);
        if (problems.length) throw new Error(`${problems.join('; ')}: ${describeRequest(req, answer)}`);
      }),
      { ...options, numRuns: RUNS * 3 },
    );
    for (const [parameter, { requests, examples }] of Object.entries(parameterRequests(document, shape, params))) {
      await fc.assert(
        fc.asyncProperty(requests, async (req) => {
          const answer = await send(w, shape, req);
          counts.plausible += 1;
          const problems = plausibleProblems(document, shape, req, answer);
          if (problems.length) throw new Error(`${parameter}: ${problems.join('; ')}: ${describeRequest(req, answer)}`);
        }),
        // Examples count among the runs: they come on top of the random ones.
        { ...options, numRuns: RUNS * 2 + examples.length, examples: examples.map((e) => [e] as [typeof e]) },
      );
    }
    counts.operations.add(shape.id);
  });

  roundTrips(() => ({ w, runs: RUNS * 2, seed: SEED }));
});
