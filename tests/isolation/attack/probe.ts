// What a case generator returns: attempts, each a request to one operation with B's
// values in it. Values given as references (`ref.uuid(id)`…) are swapped for fresh ones
// of the same kind to build a control request: B's id and an id that exists nowhere must
// get the same answer, or the answer says B's id exists (an existence oracle).
import { generateToken } from '../../../functions/shared/auth/tokens';
import type { Caller } from './world';
import type { World } from './world';

export interface RequestParts {
  /** Path parameters, substituted into the document's path template. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A body that is not JSON (a logo's bytes), sent with the content-type of `headers`. */
  raw?: Uint8Array;
  headers?: Record<string, string>;
  /** A session token of the caller other than their usual one (logout). */
  token?: string;
}

export interface Attempt {
  label: string;
  parts: RequestParts;
  /** The same request with every reference replaced by a value that exists nowhere. */
  control?: RequestParts;
  /** `refused`: must answer 4xx. `harmless`: may answer 2xx, as long as nothing leaks and B is unchanged. */
  expect: 'refused' | 'harmless';
  /**
   * On B's slug, what an active member of B may do anyway (read B's members-only content,
   * publish in B…): not attempted by the person who belongs to both. Default: true on B's
   * slug, false elsewhere.
   */
  legitForMembersOfB?: boolean;
  /** A password-reset request mails the person and stores a token by design. */
  accountsMayChange?: boolean;
}

export type CaseGenerator = (w: World, caller: Caller) => Attempt[] | Promise<Attempt[]>;

type RefKind = 'uuid' | 'session' | 'email' | 'token' | 'slug' | 'text' | 'password';
export interface Ref {
  kind: RefKind;
  value: string;
}

export const ref = {
  uuid: (value: string): Ref => ({ kind: 'uuid', value }),
  session: (value: string): Ref => ({ kind: 'session', value }),
  email: (value: string): Ref => ({ kind: 'email', value }),
  token: (value: string): Ref => ({ kind: 'token', value }),
  slug: (value: string): Ref => ({ kind: 'slug', value }),
  text: (value: string): Ref => ({ kind: 'text', value }),
  password: (value: string): Ref => ({ kind: 'password', value }),
};

const hex = (bytes: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');

function fresh(kind: RefKind, like: string): string {
  switch (kind) {
    case 'uuid': return crypto.randomUUID();
    case 'session': return hex(32);
    case 'email': return `personne.${hex(4)}@example.fr`;
    case 'token': return generateToken();
    case 'slug': return `nulle-part-${hex(4)}`;
    case 'text': return `texte ${hex(Math.max(2, Math.floor(like.length / 2) - 3))}`.slice(0, Math.max(like.length, 8));
    case 'password': return `mot de passe ${hex(6)}`;
  }
}

/**
 * One attempt built from references: `make` receives their values; the control receives
 * fresh values of the same kinds.
 */
export function probe<R extends Record<string, Ref>>(
  label: string,
  refs: R,
  make: (v: { [K in keyof R]: string }) => RequestParts,
  options: Partial<Omit<Attempt, 'label' | 'parts' | 'control'>> = {},
): Attempt {
  const values = (pick: (r: Ref) => string) =>
    Object.fromEntries(Object.entries(refs).map(([k, r]) => [k, pick(r)])) as { [K in keyof R]: string };
  return {
    label,
    parts: make(values((r) => r.value)),
    control: make(values((r) => fresh(r.kind, r.value))),
    expect: 'refused',
    ...options,
  };
}

/** An attempt without references (no control): a call whose answer is only scanned. */
export function plain(label: string, parts: RequestParts, options: Partial<Omit<Attempt, 'label' | 'parts'>> = {}): Attempt {
  return { label, parts, expect: 'harmless', ...options };
}

/** Base64url JSON, the way the API encodes its cursors (functions/shared/http/cursor.ts). */
export const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

/** On B's (public) slug: B exists for everyone, so there is no control. */
export function onB(w: World, make: (slug: string) => RequestParts, options: Partial<Omit<Attempt, 'label' | 'parts'>> = {}): Attempt {
  return { label: "B's slug", parts: make(w.B.slug), expect: 'refused', ...options };
}

/** On P's (private) slug: the answer must be that of a slug that exists nowhere. */
export function onP(w: World, make: (slug: string) => RequestParts, options: Partial<Omit<Attempt, 'label' | 'parts' | 'control'>> = {}): Attempt {
  return probe("P's (private) slug", { slug: ref.slug(w.P.slug) }, ({ slug }) => make(slug), options);
}

/** The same creation with the Idempotency-Key B's people created with: it must replay nothing of B. */
export function withKeyOfB(w: World, of: keyof World['B']['idempotencyKeys'], label: string, parts: RequestParts): Attempt {
  const headers = { ...parts.headers, 'idempotency-key': w.B.idempotencyKeys[of] };
  return { label: `${label}, with the Idempotency-Key of B's ${of}`, parts: { ...parts, headers }, expect: 'harmless' };
}
