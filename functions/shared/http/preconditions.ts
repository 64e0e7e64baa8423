// Optimistic concurrency shared by listings and cooperations. The ETag is the row's version
// as a strong tag ("3"): If-Match is compared strongly (RFC 9110 §13.1.1), so a weak tag
// never matches. Clients that cannot set headers send the version they read in the body
// instead; the two mismatches answer differently (412 for the header, 409 for the body) so
// a client knows which of its inputs was stale.
import { ApiError, badRequest } from './problems';

export interface Expectation {
  /** Versions named by If-Match, 'any' for `If-Match: *`, null when absent. */
  ifMatch: number[] | 'any' | null;
  /** The version sent in the body, if any. */
  version: number | undefined;
}

export const etag = (version: number) => `"${version}"`;

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

/** Which error a lost race answers: the header's if one was sent, else the body's. */
export const raceVia = (expect: Expectation): 'header' | 'body' => (Array.isArray(expect.ifMatch) ? 'header' : 'body');

/** The checks of one kind of resource, with its own French wording. */
export function versionChecks(words: { stale: string; required: string }) {
  function stale(current: number, via: 'header' | 'body'): ApiError {
    const extra = { currentVersion: current };
    const headers = { etag: etag(current) };
    return via === 'header'
      ? new ApiError(412, 'version_mismatch', words.stale, extra, headers)
      : new ApiError(409, 'version_conflict', words.stale, extra, headers);
  }
  return {
    stale,
    /** A change must say which version it changes: `If-Match: *` does not. */
    requirePrecondition(expect: Expectation): void {
      if ((expect.ifMatch === null || expect.ifMatch === 'any') && expect.version === undefined) {
        throw new ApiError(428, 'precondition_required', words.required);
      }
    },
    /** Throws when the version the client read is not the current one. */
    checkVersion(current: number, expect: Expectation): void {
      if (Array.isArray(expect.ifMatch) && !expect.ifMatch.includes(current)) throw stale(current, 'header');
      if (expect.version !== undefined && expect.version !== current) throw stale(current, 'body');
    },
  };
}
