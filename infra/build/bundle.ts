// `npm run build [name…]`: one self-contained folder of ESM files per function of
// openfaas.yml, dist/functions/<name>/: the entry index.mjs and, beside it, the chunks it
// imports, some only when needed (the S3 SDK, see functions/shared/storage/s3.ts). That
// folder is all a function container ships besides node and of-watchdog. Also run inside
// the template's Dockerfile for one function.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { parse } from 'yaml';
import { BUNDLE_OPTIONS } from './plugins';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Bundle {
  name: string;
  /** The entry, dist/functions/<name>/index.mjs: what `node` is given. */
  file: string;
  /** Every file of the bundle (the entry first, then its chunks), all in the entry's folder. */
  files: string[];
  /** The files loaded at start: the entry and the chunks it imports statically, transitively. */
  startFiles: string[];
  /** Bytes loaded at start (startFiles): what the 1 MiB target and the cold start are about. */
  bytes: number;
  /** Bytes of every file, those loaded on demand included. */
  totalBytes: number;
  /** npm packages that ended up in the bundle, to check what it carries. */
  packages: string[];
  /** npm packages of the files loaded at start. */
  startPackages: string[];
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

/** The entry as a virtual module: code splitting does not work from stdin. */
function entryPlugin(name: string, root: string): Plugin {
  return {
    name: 'soliterr-entry',
    setup(build) {
      build.onResolve({ filter: /^soliterr-entry$/ }, () => ({ path: `functions/${name}/entry.ts`, namespace: 'soliterr-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'soliterr-entry' }, () => ({ contents: entryFor(name), resolveDir: root, loader: 'ts' }));
    },
  };
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
    const dir = join(outDir, name);
    // Chunk names carry a content hash: a previous build's chunks would pile up.
    rmSync(dir, { recursive: true, force: true });
    const result = await build({
      ...BUNDLE_OPTIONS,
      // One folder per function: index.mjs and chunks beside it, so code needed only in
      // some configurations (the S3 SDK) is imported dynamically and never loaded otherwise.
      splitting: true,
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      entryPoints: [{ in: 'soliterr-entry', out: 'index' }],
      outdir: dir,
      absWorkingDir: root,
      metafile: true,
      plugins: [entryPlugin(name, root), ...(BUNDLE_OPTIONS.plugins ?? [])],
    });
    bundles.push(describeBundle(name, root, join(dir, 'index.mjs'), result.metafile));
  }
  return bundles;
}

function describeBundle(name: string, root: string, file: string, metafile: Metafile): Bundle {
  const outputs = metafile.outputs;
  const absolute = (path: string) => resolve(root, path);
  const entry = Object.keys(outputs).find((path) => absolute(path) === file);
  if (!entry) throw new Error(`${name}: esbuild wrote no ${file}`);
  const start = new Set<string>();
  const visit = (path: string) => {
    if (start.has(path)) return;
    start.add(path);
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  const all = [entry, ...Object.keys(outputs).filter((path) => path !== entry && !path.endsWith('.map'))];
  const sizeOf = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(absolute(path)).size, 0);
  return {
    name,
    file,
    files: all.map(absolute),
    startFiles: [...start].map(absolute),
    bytes: sizeOf([...start]),
    totalBytes: sizeOf(all),
    packages: packagesOf(all.map((path) => outputs[path])),
    startPackages: packagesOf([...start].map((path) => outputs[path])),
  };
}

function packagesOf(outputs: Metafile['outputs'][string][]): string[] {
  const names = new Set<string>();
  for (const output of outputs) {
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
    const later = b.totalBytes > b.bytes ? ` (+${((b.totalBytes - b.bytes) / 1024).toFixed(0)} KiB on demand)` : '';
    console.log(`${b.name.padEnd(16)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KiB at start${later}  ${relative(process.cwd(), b.file)}`);
  }
  console.log(`${bundles.length} bundle(s) in ${Math.round(performance.now() - started)} ms`);
}
