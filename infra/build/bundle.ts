// `npm run build [name…]`: one self-contained ESM file per function of openfaas.yml,
// dist/functions/<name>/index.mjs, which is all a function container ships besides
// node and of-watchdog. Also run inside the template's Dockerfile for one function.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { parse } from 'yaml';
import { BUNDLE_OPTIONS } from './plugins';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Bundle {
  name: string;
  file: string;
  bytes: number;
  /** npm packages that ended up in the bundle, to check what it carries. */
  packages: string[];
}

export interface BundleOptions {
  /** Functions to build; all functions of openfaas.yml when omitted. */
  names?: string[];
  /** Repository root holding functions/, schemas/ and node_modules/. */
  root?: string;
  outDir?: string;
}

/** The API functions of openfaas.yml (the site, `web`, is built by its own template). */
export function functionNames(root = ROOT): string[] {
  const stack = parse(readFileSync(join(root, 'openfaas.yml'), 'utf8'), { merge: true }) as { functions: Record<string, { lang?: string }> };
  return Object.entries(stack.functions)
    .filter(([, fn]) => fn.lang === 'node24-soliterr')
    .map(([name]) => name);
}

function entryFor(name: string): string {
  return `import definition from './functions/${name}';
import { startFunction } from './functions/shared/http/serve';
startFunction(definition).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
`;
}

export async function buildBundles(options: BundleOptions = {}): Promise<Bundle[]> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist/functions');
  const names = options.names?.length ? options.names : functionNames(root);
  const bundles: Bundle[] = [];
  for (const name of names) {
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(join(root, 'functions', name, 'index.ts'))) {
      throw new Error(`No function "${name}": expected functions/${name}/index.ts`);
    }
    const file = join(outDir, name, 'index.mjs');
    mkdirSync(dirname(file), { recursive: true });
    const result = await build({
      stdin: { contents: entryFor(name), resolveDir: root, sourcefile: `functions/${name}/entry.ts`, loader: 'ts' },
      outfile: file,
      metafile: true,
      ...BUNDLE_OPTIONS,
    });
    bundles.push({ name, file, bytes: statSync(file).size, packages: packagesOf(result.metafile) });
  }
  return bundles;
}

function packagesOf(metafile: Metafile | undefined): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile?.outputs ?? {})) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (match && bytesInOutput > 0) names.add(match[1]);
    }
  }
  return [...names].sort();
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const started = performance.now();
  const bundles = await buildBundles({ names: process.argv.slice(2) });
  for (const b of bundles) {
    console.log(`${b.name.padEnd(16)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KiB  ${relative(process.cwd(), b.file)}`);
  }
  console.log(`${bundles.length} bundle(s) in ${Math.round(performance.now() - started)} ms`);
}
