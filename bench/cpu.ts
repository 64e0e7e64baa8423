// CPU time per request, process by process (utime + stime from /proc/<pid>/stat), so a
// comparison says where the time goes, and stays readable when other work shares the
// machine: wall-clock throughput moves with the neighbours, CPU per request much less.
import { readFileSync } from 'node:fs';
import type postgres from 'postgres';

/** USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ", utime and stime are the 12th and 13th fields.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0; // ended meanwhile
  }
}

const selfMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** A group of processes to account for: fixed pids, or pids found at each reading (PostgreSQL backends). */
export type Group = { self: true } | { pids: () => Promise<number[]> | number[] };

/** The PostgreSQL backends serving a login on a database (the pools of the function or of the direct side). */
export function backendsOf(admin: postgres.Sql, database: string, user: string): Group {
  return {
    pids: async () =>
      (await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and usename = ${user}`).map((r) => r.pid),
  };
}

async function read(groups: Record<string, Group>): Promise<Record<string, Map<number, number>>> {
  const out: Record<string, Map<number, number>> = {};
  for (const [name, group] of Object.entries(groups)) {
    const pids = 'self' in group ? [process.pid] : await group.pids();
    out[name] = new Map(pids.map((pid) => [pid, pid === process.pid ? selfMs() : cpuMsOf(pid)]));
  }
  return out;
}

/** Runs fn and returns the CPU ms per request each group spent meanwhile. */
export async function cpuPerRequest<T extends { latencies: number[] }>(
  groups: Record<string, Group>,
  fn: () => Promise<T>,
): Promise<{ result: T; cpuMs: Record<string, number> }> {
  const before = await read(groups);
  const result = await fn();
  const after = await read(groups);
  const requests = Math.max(1, result.latencies.length);
  const cpuMs: Record<string, number> = {};
  for (const name of Object.keys(groups)) {
    let total = 0;
    for (const [pid, ms] of after[name]) total += ms - (before[name].get(pid) ?? 0);
    cpuMs[name] = Math.round((total / requests) * 1000) / 1000;
  }
  return { result, cpuMs };
}
