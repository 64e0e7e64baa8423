// What the function bundles leave out or slim down, and why. Each one is a size
// decision measured with esbuild's metafile (see README.md for the figures).
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
        export const drizzle = unavailable, migrate = unavailable, types = {}, pg_trgm = {}, unaccent = {};`,
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
  plugins: [withoutEmbeddedDatabase, onlyFrenchAndEnglishZodLocales],
};
