// What `faas-cli build --shrinkwrap` lays out for one function, reproduced without
// faas-cli: build/<name>/ = the template folder, the handler folder overlaid under
// function/, then every `configuration.copy` path under function/<path>. Used to test
// that the template's Dockerfile finds what it needs, and by operators without faas-cli:
//
//   npx tsx infra/build/shrinkwrap.ts auth && docker build build/auth --build-arg SOLITERR_FUNCTION=auth
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ROOT } from './bundle';

export interface StackFunction {
  lang: string;
  handler: string;
  image: string;
  build_args?: Record<string, string>;
  environment?: Record<string, string>;
  secrets?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  limits?: { memory?: string; cpu?: string };
  requests?: { memory?: string; cpu?: string };
}

export interface Stack {
  version: string | number;
  provider: { name: string; gateway?: string };
  configuration?: { templates?: { name: string }[]; copy?: string[] };
  functions: Record<string, StackFunction>;
}

export function readOpenfaasStack(root = ROOT): Stack {
  return parse(readFileSync(join(root, 'openfaas.yml'), 'utf8'), { merge: true }) as Stack;
}

/** Like faas-cli, refuses copy paths outside the project or equal to it. */
function inProject(root: string, path: string): string {
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (!rel || rel.startsWith('..')) throw new Error(`configuration.copy: ${path} must be inside the project, not all of it`);
  return abs;
}

export function shrinkwrap(name: string, options: { root?: string; buildDir?: string } = {}): string {
  const root = options.root ?? ROOT;
  const stack = readOpenfaasStack(root);
  const fn = stack.functions[name];
  if (!fn) throw new Error(`No function "${name}" in openfaas.yml`);
  const context = join(options.buildDir ?? join(root, 'build'), name);
  const handlerDst = join(context, 'function');
  rmSync(context, { recursive: true, force: true });
  mkdirSync(handlerDst, { recursive: true });
  cpSync(join(root, 'template', fn.lang), context, { recursive: true });
  const handler = resolve(root, fn.handler);
  if (!existsSync(handler)) throw new Error(`${name}: handler ${fn.handler} does not exist`);
  // faas-cli skips a handler's own build/ and template/ folders.
  cpSync(handler, handlerDst, { recursive: true, filter: (src) => !['build', 'template'].includes(relative(handler, src)) });
  for (const path of stack.configuration?.copy ?? []) {
    cpSync(inProject(root, path), join(handlerDst, path), { recursive: true });
  }
  return context;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const names = process.argv.slice(2);
  if (names.length === 0) throw new Error('usage: tsx infra/build/shrinkwrap.ts <function>…');
  for (const name of names) console.log(`${name} shrink-wrapped to ${relative(process.cwd(), shrinkwrap(name))}`);
}
