import { z } from '@hono/zod-openapi';
import { Email, Locale, Password, requiredText, Timestamp } from './common';

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    locale: Locale,
  })
  .openapi('User');

export const RegisterBody = z
  .strictObject({
    email: Email,
    password: Password,
    name: requiredText(120),
    locale: Locale.optional(),
  })
  .openapi('RegisterRequest');

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(200) }).openapi('LoginRequest');

export const SessionResponse = z
  .object({
    user: UserSchema,
    token: z.string().openapi({ description: 'Use as `Authorization: Bearer <token>`. Shown once.' }),
    expiresAt: Timestamp,
  })
  .openapi('Session');

export const TokenBody = z.strictObject({ token: z.string().min(16).max(128) });
export const EmailBody = z.strictObject({ email: Email });
export const ResetConfirmBody = z.strictObject({ token: z.string().min(16).max(128), password: Password });
export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export const UpdateMeBody = z
  .strictObject({ name: requiredText(120).optional(), locale: Locale.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'rien à modifier' });

export const SessionInfo = z
  .object({
    id: z.string(),
    current: z.boolean(),
    createdAt: Timestamp,
    lastSeenAt: Timestamp,
    expiresAt: Timestamp,
    userAgent: z.string().nullable(),
  })
  .openapi('SessionInfo');

export const MyTerritory = z
  .object({
    territoryId: z.uuid(),
    slug: z.string(),
    name: z.string(),
    membershipId: z.uuid(),
    role: z.enum(['admin', 'facilitator', 'member']),
    status: z.enum(['pending', 'active', 'suspended']),
  })
  .openapi('MyTerritory');

export const Accepted = z.object({ status: z.literal('accepted'), message: z.string() }).openapi('Accepted');
