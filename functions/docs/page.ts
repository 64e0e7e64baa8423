// The interactive reference, rendered on the server from the OpenAPI document: readable
// without JavaScript, with one small inline script for the "Essayer" forms.
import { SCRIPT, STYLE } from './assets';
import { type OpenApiDocument, type Operation, type OperationEntry, operationsByTag } from './document';
import { exampleOf } from './example';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
const pretty = (value: unknown) => `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
const anchor = (text: string) =>
  text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');

type Schemas = Record<string, unknown>;

export function renderDocsPage(document: OpenApiDocument): string {
  const groups = operationsByTag(withSharedParameters(document));
  const schemas = (document.components?.schemas ?? {}) as Schemas;
  const server = document.servers?.[0]?.url ?? '';
  const nav = [...groups].map(([tag, ops]) => `<li><a href="#tag-${anchor(tag)}">${esc(tag)}</a> (${ops.length})</li>`);
  const sections = [...groups].map(
    ([tag, ops]) =>
      `<section id="tag-${anchor(tag)}"><h2>${esc(tag)}</h2>${ops.map((op) => renderOperation(op, schemas)).join('')}</section>`,
  );
  const description = (document.info.description ?? '').split('\n').filter(Boolean).map((line) => `<p>${esc(line)}</p>`);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(document.info.title)} — référence</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(document.info.title)} <small class="muted">v${esc(document.info.version)} · OpenAPI ${esc(document.openapi)}</small></h1>
${description.join('\n')}
<p>Document : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> · Serveur : <code>${esc(server)}</code></p>
<label>Jeton Bearer pour « Essayer » (facultatif ; sinon le cookie de session du site est utilisé) / Bearer token
<input id="token" type="password" autocomplete="off" spellcheck="false"></label>
<nav><ul>${nav.join('')}<li><a href="#schemas">Schémas</a></li></ul></nav>
</header>
<main>
${sections.join('\n')}
<section id="schemas"><h2>Schémas</h2>
${Object.entries(schemas).map(([name, schema]) => `<h3 id="schema-${esc(name)}">${esc(name)}</h3>${pretty(schema)}`).join('\n')}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}

/** A copy where `{ $ref: '#/components/parameters/X' }` is replaced by X, to render it like the others. */
function withSharedParameters(document: OpenApiDocument): OpenApiDocument {
  const shared = document.components?.parameters ?? {};
  const copy = structuredClone(document);
  for (const item of Object.values(copy.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation?.parameters) continue;
      operation.parameters = operation.parameters.map((p) => {
        const ref = (p as { $ref?: string }).$ref;
        return ref ? (shared[ref.replace('#/components/parameters/', '')] ?? p) : p;
      });
    }
  }
  return copy;
}

function renderOperation({ method, path, operation }: OperationEntry, schemas: Schemas): string {
  const id = operation.operationId;
  return `<article id="op-${esc(id)}">
<h3><span class="method ${esc(method)}">${esc(method)}</span><code>${esc(path)}</code><span>${esc(operation.summary ?? '')}</span></h3>
<p class="operation-id">operationId : <code>${esc(id)}</code> · sécurité : ${securityLabel(operation.security)}</p>
${operation.description ? `<p>${esc(operation.description)}</p>` : ''}
${renderParameters(operation)}
${renderRequestBody(operation)}
<h4>Réponses</h4>
${Object.entries(operation.responses).map(([status, res]) => renderContent(`${status} — ${res.description ?? ''}`, res.content)).join('\n')}
${renderTryForm({ method, path, operation }, schemas)}
</article>`;
}

function securityLabel(security: Operation['security']): string {
  if (!security || security.length === 0) return 'non précisée';
  const options = security.map((req) => (Object.keys(req).length === 0 ? 'anonyme' : Object.keys(req).join(' + ')));
  return options.map((o) => `<code>${esc(o)}</code>`).join(' ou ');
}

function renderParameters(operation: Operation): string {
  if (!operation.parameters?.length) return '';
  const rows = operation.parameters.map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'oui' : 'non'}</td><td>${esc(p.description ?? '')}${pretty(p.schema ?? {})}</td></tr>`,
  );
  return `<h4>Paramètres</h4><table><tr><th>nom</th><th>où</th><th>requis</th><th>schéma</th></tr>${rows.join('')}</table>`;
}

function renderRequestBody(operation: Operation): string {
  const body = operation.requestBody;
  if (!body) return '';
  return `<h4>Corps de la requête${body.required ? ' (requis)' : ''}</h4>${renderContent(body.description ?? '', body.content)}`;
}

function renderContent(title: string, content: Record<string, { schema?: unknown }> | undefined): string {
  const parts = Object.entries(content ?? {}).map(([type, media]) => {
    const ref = (media.schema as { $ref?: string } | undefined)?.$ref?.replace('#/components/schemas/', '');
    const link = ref ? ` → <a href="#schema-${esc(ref)}">${esc(ref)}</a>` : '';
    // A bare reference is shown as a link to the schema section, not repeated inline.
    const inline = ref && Object.keys(media.schema ?? {}).length === 1 ? '' : pretty(media.schema ?? {});
    return `<p><code>${esc(type)}</code>${link}</p>${inline}`;
  });
  return `<div><p><strong>${esc(title)}</strong></p>${parts.join('')}</div>`;
}

function renderTryForm({ method, path, operation }: OperationEntry, schemas: Schemas): string {
  const inputs = (operation.parameters ?? [])
    .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
    .map((p) => {
      // Path parameters get a plausible value; optional ones stay empty unless they have a default.
      const schema = (p.schema ?? {}) as { default?: unknown; example?: unknown };
      const example = p.in === 'path' ? exampleOf(p.schema, schemas) : (schema.default ?? schema.example);
      const value = (typeof example === 'string' && example) || typeof example === 'number' ? ` value="${esc(example)}"` : '';
      const required = p.required ? ' required' : '';
      return `<label>${esc(p.name)} (${esc(p.in)}${p.required ? ', requis' : ''}) <input name="${esc(p.name)}" data-in="${esc(p.in)}"${value}${required}></label>`;
    });
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const body = schema
    ? `<label>Corps JSON <textarea name="body" spellcheck="false">${esc(JSON.stringify(exampleOf(schema, schemas), null, 2))}</textarea></label>`
    : '';
  return `<form class="try" data-method="${esc(method)}" data-path="${esc(path)}">
<strong>Essayer</strong>${inputs.join('')}${body}
<button type="submit">Envoyer ${esc(method.toUpperCase())} ${esc(path)}</button>
<pre><output></output></pre>
</form>`;
}
