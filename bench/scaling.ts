// Tenant scaling: the latency of the same request in a territory of the same size, in
// a database of few territories and in one of many. Both stacks run side by side and
// are measured in alternating rounds (few, many, many, few, …) at one connection, so a
// burst of load from elsewhere on the machine hits both alike.
import type postgres from 'postgres';
import type { BenchConfig, DataSet } from './config';
import { httpLoad, type LoadResult, merge, type RawRun, summarise, warmUp } from './load';
import { directSql, fullStack, type Prepared } from './search';

export interface ScalingSide {
  dataSet: DataSet;
  prepared: Prepared[];
  direct: postgres.Sql;
}

export interface ScalingResult {
  scenario: string;
  few: { full: LoadResult; direct: LoadResult };
  many: { full: LoadResult; direct: LoadResult };
  /** p50 with many territories / p50 with few (target ≤ 1.2), full stack and direct SQL. */
  ratioFull: number;
  ratioDirect: number;
}

const ROUNDS = 6;

export async function measureScaling(few: ScalingSide, many: ScalingSide, config: Pick<BenchConfig, 'seconds'>): Promise<ScalingResult[]> {
  const results: ScalingResult[] = [];
  const seconds = Math.max(1, config.seconds / 2);
  for (let i = 0; i < few.prepared.length; i++) {
    const sides = [few, many];
    const runs = new Map<string, RawRun[]>();
    const add = (key: string, run: RawRun) => runs.set(key, [...(runs.get(key) ?? []), run]);
    for (const side of sides) {
      await warmUp((s) => fullStack(side.prepared[i], 1, s), seconds);
      await warmUp((s) => directSql(side.prepared[i], side.direct, 1, s), seconds);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const key = side === few ? 'few' : 'many';
        add(`${key}-full`, await httpLoad(side.prepared[i].url, { connections: 1, seconds, headers: side.prepared[i].headers }));
        add(`${key}-direct`, await directSql(side.prepared[i], side.direct, 1, seconds));
      }
    }
    const get = (key: string) => summarise(merge(runs.get(key) ?? []));
    const result: ScalingResult = {
      scenario: few.prepared[i].scenario.name,
      few: { full: get('few-full'), direct: get('few-direct') },
      many: { full: get('many-full'), direct: get('many-direct') },
      ratioFull: 0,
      ratioDirect: 0,
    };
    result.ratioFull = Math.round((result.many.full.p50Ms / result.few.full.p50Ms) * 100) / 100;
    result.ratioDirect = Math.round((result.many.direct.p50Ms / result.few.direct.p50Ms) * 100) / 100;
    results.push(result);
    console.log(
      `  ${result.scenario.padEnd(15)} p50 full ${result.few.full.p50Ms.toFixed(2)} → ${result.many.full.p50Ms.toFixed(2)} ms (×${result.ratioFull})` +
        `  direct ${result.few.direct.p50Ms.toFixed(2)} → ${result.many.direct.p50Ms.toFixed(2)} ms (×${result.ratioDirect})`,
    );
  }
  return results;
}
