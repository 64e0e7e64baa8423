// The machine the figures were measured on, written next to them.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import postgres from 'postgres';

export const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100).join(' ');

export async function describeMachine(adminUrl: string) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [pg] = await admin`
      select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
             current_setting('max_connections') as max_connections`;
    return {
      date: new Date().toISOString(),
      cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: release(),
      node: process.versions.node,
      postgres: `${pg.version} (shared_buffers ${pg.shared_buffers}, max_connections ${pg.max_connections}, same machine)`,
      loadAverageStart: loadAverage(),
    };
  } finally {
    await admin.end();
  }
}
