// Reusable zod pieces for the public API. Objects are strict: unknown fields are refused.
import { z } from '@hono/zod-openapi';

/**
 * A lone UTF-16 surrogate (JSON can carry one as \ud800) has no UTF-8 form: stored, it
 * would silently become U+FFFD. (With /u, a paired surrogate is one code point and does
 * not match.)
 */
export const wellFormed = (s: string) => !/\p{Cs}/u.test(s);
const malformed = { message: 'caractère invalide (texte mal encodé)' };

/** Text from people: NUL refused (PostgreSQL cannot store it), and lone surrogates. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'caractère nul interdit' })
    .refine(wellFormed, malformed);

export const requiredText = (max: number, min = 1) =>
  text(max)
    .transform((s) => s.trim())
    .pipe(z.string().min(min, { message: `au moins ${min} caractère(s)` }));

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'adresse e-mail invalide' }))
  .transform((s) => s.toLowerCase())
  .openapi({ example: 'marie.dupont@example.fr', type: 'string', format: 'email' });

export const Password = z
  .string()
  .min(10, { message: 'au moins 10 caractères' })
  .max(200, { message: 'au plus 200 caractères' })
  .refine((s) => !s.includes('\u0000'), { message: 'caractère nul interdit' })
  .refine(wellFormed, malformed)
  .openapi({ example: 'une phrase de passe solide', type: 'string', format: 'password' });

export const Locale = z.enum(['fr', 'en']);

export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-04-01T09:30:00.000Z' });

export const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
