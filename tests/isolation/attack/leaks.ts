// Scanning an answer for the target's markers: its body, its headers, and the decoded
// content of every opaque string in it (cursors are base64url JSON). A marker counts
// only above what the caller may see there, and only if the request did not carry it
// itself (an echo of the caller's own input reveals nothing).
import type { Caller } from './callers';
import type { Level, Marker } from './markers';
import type { World } from './world';

const OPAQUE = /^[A-Za-z0-9_-]{12,}$/;

function decodedStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (OPAQUE.test(value)) {
      const text = Buffer.from(value, 'base64url').toString('utf8');
      if (/^[[{"]/.test(text)) out.push(text);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) decodedStrings(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) decodedStrings(v, out);
  }
}

/** Everything of an answer a client can read, lower-cased. */
export function readableText(text: string, headers: Headers, parsed: unknown): string {
  const decoded: string[] = [];
  decodedStrings(parsed, decoded);
  for (const [, v] of headers) decodedStrings(v, decoded);
  return [text, ...[...headers].map(([k, v]) => `${k}: ${v}`), ...decoded].join('\n').toLowerCase();
}

/** What the caller may see of the target at this path. */
export function allowedLevels(w: World, caller: Caller, path: string, operationId: string): Level[] {
  const inB = path === `/api/v1/territories/${w.B.slug}` || path.startsWith(`/api/v1/territories/${w.B.slug}/`);
  if (inB) return caller.inB ? ['public', 'members'] : ['public'];
  // The public directory lists B; the person in both sees B in their own account.
  if (operationId === 'listPublicTerritories') return ['public'];
  if (caller.inB && !path.startsWith('/api/v1/territories/')) return ['public'];
  return [];
}

export function leaksIn(markers: Marker[], allowed: Level[], caller: Caller, response: string, request: string): Marker[] {
  return markers.filter(
    (m) => !allowed.includes(m.level) && m.exemptFor !== caller.key && response.includes(m.value) && !request.includes(m.value),
  );
}
