// What the function bundles leave out or slim down, and why. Each one is a size
// decision measured with esbuild's metafile (see README.md for the figures).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * Function processes always use PostgreSQL (DATABASE_URL), never the embedded PGlite,
 * whose WebAssembly build weighs megabytes. Its modules are replaced by a stub that
 * fails loudly if anything ever reaches for it.
 */
export const withoutEmbeddedDatabase: Plugin = {
  name: 'soliterr-without-pglite',
  setup(build) {
    build.onResolve({ filter: /^(@electric-sql\/pglite|drizzle-orm\/pglite)(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'pglite-stub',
    }));
    build.onLoad({ filter: /.*/, namespace: 'pglite-stub' }, (args) => ({
      loader: 'js',
      contents: `
        const unavailable = () => { throw new Error(${JSON.stringify(`${args.path} is not bundled: function processes need DATABASE_URL (PostgreSQL).`)}); };
        export const PGlite = { create: unavailable };
        export const drizzle = unavailable, migrate = unavailable, types = {}, pg_trgm = {}, unaccent = {}, btree_gin = {};`,
    }));
  },
};

/**
 * zod re-exports all of its ~50 error-message locales (about 250 KiB minified) through
 * `z.locales`, which no tree-shaking can drop because `z` is used as a value. The API
 * answers in French with English fallbacks, so only those two stay reachable.
 */
export const onlyFrenchAndEnglishZodLocales: Plugin = {
  name: 'soliterr-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)) return undefined;
      return { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      loader: 'js',
      resolveDir: dirname(args.path),
      contents: "export { default as en } from './en.js';\nexport { default as fr } from './fr.js';\n",
    }));
  },
};

/**
 * postgres.js 3.4.9 (the latest release) can crash the whole process when PostgreSQL goes
 * away in the middle of a transaction: the ROLLBACK written after the connection closed
 * is flushed by a setImmediate that calls `socket.write` on a null socket (an uncaught
 * TypeError, porsager/postgres#1154, #1208), and the teardown leaves a stale write timer
 * that can stall the next query on that connection forever. The resilience suite
 * (tests/resilience) stops PostgreSQL under load and caught both. Until a release fixes
 * them, the bundles carry this patch: a write without a socket rejects its queries with
 * CONNECTION_CLOSED (which the API answers 503), and teardown forgets the pending write.
 * The build fails if the source no longer looks as expected, so an upgrade is re-checked.
 */
/** [what the source says, what the bundle gets instead, how many times it must occur]. */
export const POSTGRES_CONNECTION_PATCHES: [from: string, to: string, times: number][] = [
  [
    'function nextWrite(fn) {\n',
    "function nextWrite(fn) {\n    if (socket === null) { chunk = nextWriteTimer = null; error(Errors.connection('CONNECTION_CLOSED', options)); return false }\n",
    1,
  ],
  // terminate() and closed(): clear the timer AND forget it, or write() never schedules again.
  ['\n    clearImmediate(nextWriteTimer)\n', '\n    clearImmediate(nextWriteTimer), chunk = nextWriteTimer = null\n', 2],
];

export function patchPostgresConnection(source: string): string {
  let patched = source;
  for (const [from, to, times] of POSTGRES_CONNECTION_PATCHES) {
    const count = patched.split(from).length - 1;
    if (count !== times) {
      throw new Error(`postgres.js connection.js changed (${count}× "${from.trim()}", expected ${times}): re-check infra/build/plugins.ts`);
    }
    patched = patched.replaceAll(from, to);
  }
  return patched;
}

export const postgresClosedSocketGuard: Plugin = {
  name: 'soliterr-postgres-closed-socket',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js$/ }, async (args) => ({
      loader: 'js',
      contents: patchPostgresConnection(await readFile(args.path, 'utf8')),
    }));
  },
};

export const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled code is ESM, but CommonJS dependencies (nodemailer) require() node
  // built-ins: give them a real require.
  banner: {
    js: "import { createRequire as __soliterrRequire } from 'node:module'; const require = __soliterrRequire(import.meta.url);",
  },
  // hash-wasm's "main" is a UMD file holding every algorithm (210 KiB); its ES module
  // build lets esbuild keep argon2 only (30 KiB).
  alias: { 'hash-wasm': 'hash-wasm/dist/index.esm.js' },
  plugins: [withoutEmbeddedDatabase, onlyFrenchAndEnglishZodLocales, postgresClosedSocketGuard],
};
