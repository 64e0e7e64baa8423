// Opaque pagination cursors: base64url JSON of the last row's sort key, validated on
// the way back in. A forged or mangled cursor is a 400, never a 500. Cursors carry only
// values the caller has already seen on the previous page.
import { z } from 'zod';
import { badRequest } from './problems';

export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Strings PostgreSQL can compare: no NUL, no lone surrogate (both used to answer 422). */
const CursorText = z.string().max(200).refine((s) => !s.includes('\u0000') && !/\p{Cs}/u.test(s));
const CursorValues = z.array(z.union([CursorText, z.number().finite(), z.null()])).min(1).max(4);

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new Error('charset');
    const values = CursorValues.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return shape.parse(values);
  } catch {
    throw badRequest('invalid_cursor', 'Le curseur de pagination est invalide. Recommencez depuis la première page.');
  }
}
