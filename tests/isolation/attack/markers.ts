// Unique strings planted in everything of the target territories, and the scan of every
// answer for them. Each marker says who may see it: `public` (B's public face: its
// directory entry, public open listings and what they show), `members` (B's active
// members), `secret` (B's moderators, or the private territory P). A caller of A finding a
// marker above what it may see — in a body, a header, or the decoded content of an opaque
// string such as a cursor — is a leak, unless the request itself carried it (an echo of
// the caller's own input reveals nothing).
import type { Caller, World } from './world';

export type Level = 'public' | 'members' | 'secret';

export interface Marker {
  value: string;
  level: Level;
  what: string;
  /** The one caller for whom this is their own data (the person who belongs to both). */
  exemptFor?: string;
}

export class MarkerBook {
  /** Random per run, so a marker never matches anything but the row it was planted in. */
  readonly tag = `zq${Math.random().toString(36).slice(2, 8)}`;
  readonly markers: Marker[] = [];

  /** A marker string for a text field. */
  add(label: string, level: Level): string {
    const value = `${this.tag}-${label}`;
    this.markers.push({ value, level, what: label });
    return value;
  }

  /** A slug carrying the run's tag (registered as a marker once the territory exists). */
  slug(label: string): string {
    return `${label}-${this.tag}`;
  }

  /** A value the API chose (an id, an email): a marker too. */
  value(value: string, level: Level, what: string, exemptFor?: string): void {
    this.markers.push({ value: value.toLowerCase(), level, what, exemptFor });
  }
}

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
