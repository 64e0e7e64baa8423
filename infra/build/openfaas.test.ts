// openfaas.yml is what operators deploy: every function must be buildable with our
// template, reach its database secret, carry limits, and own its public routes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './bundle';
import { readOpenfaasStack } from './shrinkwrap';

const stack = readOpenfaasStack();
/** The site (web/) is a function too, built by its own template; the others are API functions. */
const SITE = 'web';
const functions = Object.entries(stack.functions).filter(([name]) => name !== SITE);
const site = stack.functions[SITE];
const templateDir = (lang: string) => join(ROOT, 'template', lang);

describe('openfaas.yml', () => {
  it('targets OpenFaaS and declares the templates it uses', () => {
    expect(stack.provider.name).toBe('openfaas');
    const declared = (stack.configuration?.templates ?? []).map((t) => t.name);
    for (const [name, fn] of Object.entries(stack.functions)) expect(declared, name).toContain(fn.lang);
  });

  it('lists exactly the function folders under functions/ (shared is not a function)', () => {
    const folders = readdirSync(join(ROOT, 'functions'))
      .filter((entry) => entry !== 'shared' && statSync(join(ROOT, 'functions', entry)).isDirectory())
      .sort();
    expect(functions.map(([name]) => name).sort()).toEqual(folders);
  });

  it.each(functions)('%s can be built with a template of template/', (name, fn) => {
    expect(fn.image, 'image with a tag').toMatch(/^[a-z0-9.-]+(\/[a-z0-9._-]+)+:[A-Za-z0-9._-]+$/);
    expect(fn.handler).toBe(`./functions/${name}`);
    expect(existsSync(join(ROOT, fn.handler, 'index.ts')), `${fn.handler}/index.ts`).toBe(true);
    expect(fn.build_args?.SOLITERR_FUNCTION).toBe(name);
    for (const file of ['template.yml', 'Dockerfile']) {
      expect(existsSync(join(templateDir(fn.lang), file)), `template/${fn.lang}/${file}`).toBe(true);
    }
    const template = parse(readFileSync(join(templateDir(fn.lang), 'template.yml'), 'utf8'));
    expect(template.language).toBe(fn.lang);
  });

  it.each(functions)('%s gets its secrets, labels, limits and timeouts', (name, fn) => {
    expect(fn.secrets).toContain('database-url');
    expect(fn.labels?.['com.openfaas.scale.min']).toMatch(/^\d+$/);
    expect(fn.labels?.['com.openfaas.scale.max']).toMatch(/^\d+$/);
    expect(fn.limits?.memory).toMatch(/^\d+(Mi|Gi)$/);
    expect(fn.requests?.memory).toMatch(/^\d+(Mi|Gi)$/);
    expect(fn.environment?.NODE_ENV).toBe('production');
    // of-watchdog cuts a request at exec_timeout; its own HTTP server must not cut it first.
    const seconds = (v?: string) => Number.parseInt(v ?? '', 10);
    expect(seconds(fn.environment?.exec_timeout)).toBeGreaterThan(0);
    expect(seconds(fn.environment?.exec_timeout)).toBeLessThanOrEqual(seconds(fn.environment?.write_timeout));
  });

  // A scheduled function (cron-connector) serves no public path: the gateway calls it.
  const scheduled = functions.filter(([, fn]) => fn.annotations?.topic === 'cron-function');
  const routed = functions.filter(([, fn]) => fn.annotations?.topic !== 'cron-function');

  it.each(routed)('%s declares the public routes it serves', (name, fn) => {
    const routes = (fn.annotations?.['com.soliterr.routes'] ?? '').split(',').map((r) => r.trim());
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route, name).toMatch(/^(\/([a-z0-9.-]+|\*))+$/);
  });

  it('runs the digests on a schedule, with no public route', () => {
    expect(scheduled.map(([name]) => name)).toEqual(['digests']);
    const [, digests] = scheduled[0];
    expect(digests.annotations?.schedule).toMatch(/^(\S+ ){4}\S+$/);
    expect(digests.annotations?.['com.soliterr.routes']).toBeUndefined();
  });

  it('runs the site as a function that owns every other path and never gets the database', () => {
    expect(site.handler).toBe('./web');
    expect(site.lang).toBe('node24-soliterr-web');
    expect(existsSync(join(ROOT, 'web/svelte.config.js'))).toBe(true);
    expect(existsSync(join(templateDir(site.lang), 'Dockerfile'))).toBe(true);
    expect(site.annotations?.['com.soliterr.routes']).toBe('/');
    expect(site.secrets ?? []).toEqual([]);
    expect(site.environment?.NODE_ENV).toBe('production');
    expect(new URL(site.environment?.API_URL ?? '').protocol).toBe('https:');
    expect(site.environment?.ORIGIN).toBe(site.environment?.PUBLIC_URL);
  });

  it('gives each public route prefix to one function only', () => {
    const all = Object.values(stack.functions).flatMap((fn) => (fn.annotations?.['com.soliterr.routes'] ?? '').split(','));
    expect(all.filter((r, i) => all.indexOf(r) !== i)).toEqual([]);
  });

  it('copies into every build context paths that exist, inside the project', () => {
    const copy = stack.configuration?.copy ?? [];
    for (const required of ['./package.json', './package-lock.json', './functions', './schemas', './infra/build', './web']) {
      expect(copy).toContain(required);
    }
    for (const path of copy) {
      expect(path).toMatch(/^\.\/[^.]/);
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });
});
