import type { Context } from 'hono';
import type { AppEnv } from '../shared/http/deps';
import { defineFunction } from '../shared/http/function';
import { DOCS_CSP } from './assets';
import { buildOpenApiDocument, type OpenApiDocument } from './document';
import { renderDocsPage } from './page';

interface Rendered {
  document: OpenApiDocument;
  html: string;
}

// Built once per public URL on first request. The function list is imported lazily
// because functions/index.ts lists this function too: a static import would make the
// docs bundle evaluate that list before this module has finished defining itself.
const rendered = new Map<string, Promise<Rendered>>();

function load(publicUrl: string): Promise<Rendered> {
  let entry = rendered.get(publicUrl);
  if (!entry) {
    entry = import('../index').then(({ FUNCTIONS }) => {
      const document = buildOpenApiDocument(FUNCTIONS, publicUrl);
      return { document, html: renderDocsPage(document) };
    });
    // A failure is not cached: the next request tries again (and logs again).
    entry.catch(() => rendered.delete(publicUrl));
    rendered.set(publicUrl, entry);
  }
  return entry;
}

const publicUrlOf = (c: Context<AppEnv>) => c.get('deps').config.PUBLIC_URL;

/** The API's own documentation: /api/v1/openapi.json and the reference page /api/docs. */
export default defineFunction({
  name: 'docs',
  register(app) {
    app.get('/api/v1/openapi.json', async (c) => {
      const { document } = await load(publicUrlOf(c));
      c.header('cache-control', 'public, max-age=300');
      // Integrators' tools (uMap, CRMs, code generators) fetch it from other origins.
      c.header('access-control-allow-origin', '*');
      return c.json(document);
    });
    app.get('/api/docs', async (c) => {
      const { html } = await load(publicUrlOf(c));
      c.header('content-security-policy', DOCS_CSP);
      c.header('cache-control', 'public, max-age=300');
      return c.html(html);
    });
  },
});
