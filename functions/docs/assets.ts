// The only style and script of the reference page, inline so the page needs no CDN and
// no second request (sovereign hosting, browsers without internet). Both are constants:
// the page's Content-Security-Policy allows exactly these two blocks by their sha256.
import { createHash } from 'node:crypto';

export const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #777; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
nav ul { columns: 3 14rem; padding-left: 1rem; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--line); }
article { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .25rem 1rem 1rem; }
article > h3 { font-size: 1rem; display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; }
code, pre { font: 13px/1.4 ui-monospace, monospace; }
pre { background: #8881; border-radius: 4px; max-height: 24rem; overflow: auto; padding: .5rem; }
.method { border-radius: 3px; color: #fff; font-weight: bold; min-width: 4.5rem; padding: 0 .4rem; text-align: center; text-transform: uppercase; }
.get { background: #1f6f43; } .post { background: #1d4f91; } .patch, .put { background: #8a5a00; } .delete { background: #a12828; }
.muted, .operation-id { color: var(--muted); }
table { border-collapse: collapse; width: 100%; } td, th { border-top: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
form.try { border-top: 1px dashed var(--line); margin-top: 1rem; padding-top: .5rem; }
form.try label { display: block; margin: .25rem 0; }
input, textarea { box-sizing: border-box; font: inherit; width: 100%; }
textarea { font: 13px/1.4 ui-monospace, monospace; min-height: 6rem; }
button { font: inherit; margin-top: .5rem; padding: .25rem 1rem; }
`;

// Sends the operation's request with fetch and prints the answer. Reads everything from
// the form's data attributes, so one static script serves every operation.
export const SCRIPT = `
'use strict';
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('try')) return;
  event.preventDefault();
  const out = form.querySelector('output');
  const query = new URLSearchParams();
  const headers = { accept: 'application/json, application/problem+json' };
  let path = form.dataset.path;
  for (const input of form.querySelectorAll('[data-in]')) {
    const value = input.value.trim();
    if (input.dataset.in === 'path') path = path.replace('{' + input.name + '}', encodeURIComponent(value));
    else if (value && input.dataset.in === 'query') query.append(input.name, value);
    else if (value && input.dataset.in === 'header') headers[input.name] = value;
  }
  const token = document.getElementById('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  const init = { method: form.dataset.method.toUpperCase(), headers, credentials: 'same-origin' };
  const body = form.querySelector('textarea[name=body]');
  if (body && body.value.trim()) {
    try { JSON.parse(body.value); } catch (error) { out.textContent = 'JSON invalide : ' + error.message; return; }
    headers['content-type'] = 'application/json';
    init.body = body.value;
  }
  const search = query.toString();
  const url = path + (search ? '?' + search : '');
  out.textContent = init.method + ' ' + url + ' …';
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
    out.textContent = init.method + ' ' + url + '\\nHTTP ' + res.status + ' ' + res.statusText +
      '\\ncontent-type: ' + (res.headers.get('content-type') || '') + '\\n\\n' + shown;
  } catch (error) {
    out.textContent = 'Échec de la requête : ' + error.message;
  }
});
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Relaxed only for the reference page: its own script and style by hash, fetch to the
 * same origin for "Essayer". Everything else stays as strict as the rest of the API.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
