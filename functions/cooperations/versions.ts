// Optimistic concurrency for cooperations, the same contract as listings: the ETag is the
// row's version ("3"), If-Match is compared strongly (412 when stale), the body's
// `version` is the alternative for clients that cannot set headers (409 when stale).
// Functions never import each other, so the If-Match parsing is the listings function's
// (functions/listings/preconditions.ts) repeated here; both would move to functions/shared
// together.
import { ApiError, badRequest } from '../shared/http/problems';

export interface Expectation {
  /** Versions named by If-Match, 'any' for `If-Match: *`, null when absent. */
  ifMatch: number[] | 'any' | null;
  /** The version sent in the body, if any. */
  version: number | undefined;
}

const TAG = /^(W\/)?"([\x21\x23-\x7e]*)"$/;

export function parseIfMatch(header: string | undefined): Expectation['ifMatch'] {
  if (header === undefined || header.trim() === '') return null;
  if (header.trim() === '*') return 'any';
  const versions: number[] = [];
  for (const part of header.split(',').map((p) => p.trim())) {
    const match = TAG.exec(part);
    if (!match) throw badRequest('invalid_if_match', 'En-tête If-Match mal formé : renvoyez l’ETag reçu, par exemple "3".');
    if (!match[1] && /^\d{1,9}$/.test(match[2])) versions.push(Number(match[2]));
  }
  return versions;
}

/** An amendment must say which version it changes: `If-Match: *` does not. */
export function requirePrecondition(expect: Expectation): void {
  if ((expect.ifMatch === null || expect.ifMatch === 'any') && expect.version === undefined) {
    throw new ApiError(
      428,
      'precondition_required',
      'Indiquez la version corrigée : en-tête If-Match avec l’ETag lu, ou champ « version » dans le corps.',
    );
  }
}

export const etag = (version: number) => `"${version}"`;

export function stale(current: number, via: 'header' | 'body'): ApiError {
  const detail = 'Cette coopération a changé entre-temps (correction, confirmation ou contestation). Relisez-la avant de continuer.';
  const extra = { currentVersion: current };
  const headers = { etag: etag(current) };
  return via === 'header'
    ? new ApiError(412, 'version_mismatch', detail, extra, headers)
    : new ApiError(409, 'version_conflict', detail, extra, headers);
}

export function checkVersion(current: number, expect: Expectation): void {
  if (Array.isArray(expect.ifMatch) && !expect.ifMatch.includes(current)) throw stale(current, 'header');
  if (expect.version !== undefined && expect.version !== current) throw stale(current, 'body');
}

export const raceVia = (expect: Expectation): 'header' | 'body' => (Array.isArray(expect.ifMatch) ? 'header' : 'body');
