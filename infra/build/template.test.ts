// The faas-cli template cannot be built here (no Docker engine), so this checks what
// can be checked without one: the Dockerfile's promises, and that the shrinkwrapped
// context holds everything its build stage copies and bundles.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBundles, ROOT } from './bundle';
import { readOpenfaasStack, shrinkwrap } from './shrinkwrap';

const TEMPLATES = readdirSync(join(ROOT, 'template'));

describe.each(TEMPLATES)('template/%s', (lang) => {
  const dir = join(ROOT, 'template', lang);
  const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const env = Object.fromEntries(
    instructions
      .filter((l) => l.startsWith('ENV '))
      .flatMap((l) => [...l.matchAll(/([A-Za-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])),
  );

  it('fetches nothing from the network but base images and lockfile packages', () => {
    expect(dockerfile).not.toMatch(/\b(curl|wget)\b/);
    expect(instructions.filter((l) => /^ADD\s/i.test(l))).toEqual([]);
    expect(instructions.filter((l) => /\bnpm (install|i)\b/.test(l))).toEqual([]);
    expect(dockerfile).toMatch(/npm ci --ignore-scripts/);
    const bases = instructions.filter((l) => l.startsWith('FROM ')).map((l) => l.split(/\s+/).find((w) => w.includes(':') && !w.startsWith('--')));
    expect(bases).toEqual([
      'ghcr.io/openfaas/of-watchdog:${WATCHDOG_VERSION}',
      'node:${NODE_VERSION}-alpine',
      'node:${NODE_VERSION}-alpine',
    ]);
    expect(dockerfile).toMatch(/ARG WATCHDOG_VERSION=0\.10\.\d+/);
    expect(dockerfile).toMatch(/ARG NODE_VERSION=24\b/);
  });

  it('runs the bundle under of-watchdog in HTTP mode, as a non-root user', () => {
    const template = parse(readFileSync(join(dir, 'template.yml'), 'utf8'));
    expect(env.fprocess).toBe(template.fprocess);
    expect(env.mode).toBe('http');
    expect(new URL(env.upstream_url).port).toBe(env.http_port);
    expect(env.ready_path).toBe('/_/health');
    const users = instructions.filter((l) => l.startsWith('USER '));
    expect(users.at(-1)).toMatch(/^USER (node|app|\d{4,})$/);
    expect(instructions.at(-1)).toBe('CMD ["fwatchdog"]');
  });

});

describe('template/node24-soliterr', () => {
  it('ships the whole bundle folder (the entry and its chunks), not just index.mjs', () => {
    const dockerfile = readFileSync(join(ROOT, 'template/node24-soliterr/Dockerfile'), 'utf8');
    expect(dockerfile.match(/^COPY --from=build .*$/gm)).toEqual(['COPY --from=build /src/dist/functions/${SOLITERR_FUNCTION}/ ./']);
  });
});

describe('a shrinkwrapped build context', () => {
  const buildDir = mkdtempSync(join(tmpdir(), 'soliterr-shrinkwrap-'));
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  it('holds what the Dockerfile copies, and the bundle step works inside it', async () => {
    const name = 'auth';
    const fn = readOpenfaasStack().functions[name];
    const context = shrinkwrap(name, { buildDir });
    const dockerfile = readFileSync(join(context, 'Dockerfile'), 'utf8');
    for (const [, sources] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const source of sources.split(/\s+/)) expect(existsSync(join(context, source)), source).toBe(true);
    }
    expect(existsSync(join(context, 'function/functions/shared/http/serve.ts'))).toBe(true);
    expect(existsSync(join(context, `function/functions/${fn.build_args!.SOLITERR_FUNCTION}/index.ts`))).toBe(true);
    // What `npm ci` would install in the image, taken from this checkout.
    symlinkSync(join(ROOT, 'node_modules'), join(context, 'function/node_modules'), 'dir');
    const [bundle] = await buildBundles({ root: join(context, 'function'), names: [name] });
    expect(bundle.file).toBe(join(context, 'function/dist/functions/auth/index.mjs'));
    expect(bundle.bytes).toBeGreaterThan(100_000);
    // The folder the ship stage copies holds every file of the bundle.
    for (const file of bundle.files) expect(dirname(file)).toBe(join(context, 'function/dist/functions/auth'));
  });
});
