import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { ApiError } from './problems';

describe('pagination cursors', () => {
  const shape = z.tuple([z.string(), z.uuid()]);
  const id = '00000000-0000-4000-8000-000000000001';

  it('give back what they carry', () => {
    expect(decodeCursor(encodeCursor(['Cœur de Bigorre 👩‍🌾', id]), shape)).toEqual(['Cœur de Bigorre 👩‍🌾', id]);
  });

  it('refuse strings PostgreSQL cannot compare (NUL, lone surrogates) with 400 invalid_cursor', () => {
    for (const text of ['a\u0000b', 'a\uD800', '\uDFFFz']) {
      const forged = Buffer.from(JSON.stringify([text, id]), 'utf8').toString('base64url');
      expect(() => decodeCursor(forged, shape), JSON.stringify(text)).toThrow(ApiError);
      try {
        decodeCursor(forged, shape);
      } catch (err) {
        expect(err).toMatchObject({ status: 400, code: 'invalid_cursor' });
      }
    }
  });
});
