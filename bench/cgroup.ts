// Function processes run with the memory limit openfaas.yml gives their containers
// (limits.memory, 128Mi), in a memory cgroup of their own, when the bench may create one
// (root, cgroup v1 or v2 memory controller). It matters: Node sizes the V8 heap from the
// limit it sees. On a 24 GiB host the young generation alone may grow to 48 MiB under
// load; in a 128 MiB container V8 keeps it to a few MiB, as it does here.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStack } from '../infra/gateway/routes';

export interface MemoryCgroup {
  /** Where the limit is written (for the record). */
  path: string;
  limitBytes: number;
  /** argv that starts `command args…` inside the cgroup (the process joins it before node reads its limit). */
  wrap(command: string, args: string[]): [string, string[]];
  remove(): void;
}

/** limits.memory of a function in openfaas.yml ("128Mi"), in bytes. */
export function functionMemoryLimit(name: string): number | null {
  const fn = readStack().functions[name] as { limits?: { memory?: string } } | undefined;
  const match = /^(\d+)(Ki|Mi|Gi)$/.exec(fn?.limits?.memory ?? '');
  if (!match) return null;
  return Number(match[1]) * { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] as 'Ki' | 'Mi' | 'Gi'];
}

function tryCreate(dir: string, limitFile: string, limitBytes: number): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, limitFile), String(limitBytes));
    return dir;
  } catch {
    return null;
  }
}

/**
 * A memory cgroup for one process, limited to limitBytes (a container's limit is per
 * container), or null: the bench then says its processes ran unconstrained.
 */
export function createMemoryCgroup(limitBytes: number, label: string): MemoryCgroup | null {
  const name = `soliterr-bench-${process.pid}-${label}`;
  const v2 = '/sys/fs/cgroup';
  let dir: string | null = null;
  if (existsSync(join(v2, 'cgroup.controllers')) && readFileSync(join(v2, 'cgroup.subtree_control'), 'utf8').includes('memory')) {
    dir = tryCreate(join(v2, name), 'memory.max', limitBytes);
  } else if (existsSync('/sys/fs/cgroup/memory/memory.limit_in_bytes')) {
    dir = tryCreate(join('/sys/fs/cgroup/memory', name), 'memory.limit_in_bytes', limitBytes);
  }
  if (!dir) return null;
  const procs = join(dir, 'cgroup.procs');
  return {
    path: dir,
    limitBytes,
    wrap: (command, args) => ['/bin/sh', ['-c', `echo $$ > '${procs}' && exec "$0" "$@"`, command, ...args]],
    remove() {
      try {
        rmdirSync(dir);
      } catch {
        // a process still inside: the kernel refuses; it is empty after the run ends
      }
    },
  };
}
