// A function is a name plus the routes it registers on an app built by createApp().
// The same definition runs in its own process (OpenFaaS, bundles) or in-process
// behind the local gateway (npm start).
import { createRoute, z } from '@hono/zod-openapi';
import { type App, createApp, type RawBodyRoute } from './app';
import type { Deps } from './deps';
import { registerSecuritySchemes } from './openapi';

export interface FunctionDefinition {
  /** The OpenFaaS function name (openfaas.yml). */
  name: string;
  register(app: App): void;
  /** Operations whose body is not JSON, with their own size limit (a logo). */
  rawBodies?: RawBodyRoute[];
}

export function defineFunction(def: FunctionDefinition): FunctionDefinition {
  return def;
}

const health = createRoute({
  method: 'get',
  path: '/_/health',
  hide: true,
  responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } } },
});

export function buildFunction(def: FunctionDefinition, deps: Deps): App {
  const app = createApp(deps, { rawBodies: def.rawBodies });
  registerSecuritySchemes(app);
  app.openapi(health, (c) => c.json({ ok: true }, 200));
  def.register(app);
  return app;
}
