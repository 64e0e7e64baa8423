// One-click unsubscribe (RFC 8058). The token of the email's link is the only proof: no
// session, no CSRF origin check (docs/decisions). A GET only describes what the link
// would stop; the POST stops it. Unknown or expired links are 404; both are rate-limited
// per address like the other token endpoints.
import type { RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../schemas/db';
import { hashToken } from '../shared/auth/tokens';
import { rowsOf } from '../shared/db/client';
import { withContext } from '../shared/db/tenant';
import type { RawBodyRoute } from '../shared/http/app';
import type { AppEnv } from '../shared/http/deps';
import { ApiError, badRequest, notFound } from '../shared/http/problems';
import { hit, type Limit } from '../shared/http/rate-limit';
import { clientIp } from '../shared/http/request';
import type * as r from './routes';
import { maskEmail } from './views';

export const UNSUBSCRIBE_PATH = '/api/v1/unsubscribe';
const UNSUBSCRIBE_LIMIT: Limit = { name: 'unsubscribe-ip', max: 60, windowSeconds: 60 * 60 };

/** The POST carries a form, not JSON: the app lets it through to this handler (app.ts). */
export const UNSUBSCRIBE_RAW_BODY: RawBodyRoute = {
  method: 'POST',
  path: /^\/api\/v1\/unsubscribe$/,
  maxBytes: 4096,
  tooLarge: { code: 'body_too_large', detail: 'Le corps de la requête est trop grand.' },
};

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * Runs before the route's form validator, which would refuse another type with a bare
 * English 415: the same refusal, in French and with the house's code.
 */
export const requireOneClickForm: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'POST' && !FORM_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'Envoyez le formulaire « List-Unsubscribe=One-Click » (application/x-www-form-urlencoded).');
  }
  await next();
};

const linkNotFound = () =>
  notFound('unsubscribe_link_not_found', 'Ce lien de désabonnement est inconnu ou a expiré (90 jours). Réglez vos e-mails depuis votre compte.');

export const getUnsubscribeLink: RouteHandler<typeof r.getUnsubscribeLink, AppEnv> = async (c) => {
  const { token } = c.req.valid('query');
  const deps = c.get('deps');
  await hit(deps.database, UNSUBSCRIBE_LIMIT, clientIp(c), deps.config.RATE_LIMIT_DISABLED);
  const [link] = await withContext(deps.database, {}, async (scope) =>
    rowsOf<{ kinds: NotificationKind[] | string; email: string }>(
      await scope.tx.execute(sql`select kinds, email from app.unsubscribe_link(${hashToken(token)})`),
    ),
  );
  if (!link) throw linkNotFound();
  return c.json({ kinds: kindsOf(link.kinds), email: maskEmail(link.email) }, 200);
};

export const unsubscribe: RouteHandler<typeof r.unsubscribe, AppEnv> = async (c) => {
  const { token } = c.req.valid('query');
  const deps = c.get('deps');
  await hit(deps.database, UNSUBSCRIBE_LIMIT, clientIp(c), deps.config.RATE_LIMIT_DISABLED);
  if (c.req.valid('form')['List-Unsubscribe'] !== 'One-Click') {
    throw badRequest('one_click_body_required', 'Envoyez le formulaire « List-Unsubscribe=One-Click » pour vous désabonner.');
  }
  const [result] = await withContext(deps.database, {}, async (scope) =>
    rowsOf<{ kinds: NotificationKind[] | string | null }>(await scope.tx.execute(sql`select app.unsubscribe(${hashToken(token)}) as kinds`)),
  );
  if (!result?.kinds) throw linkNotFound();
  c.get('log').info('unsubscribed', { kinds: kindsOf(result.kinds) });
  return c.json({ unsubscribed: kindsOf(result.kinds) }, 200);
};

/** postgres.js gives enum arrays as text ("{response,message}"), PGlite as arrays. */
function kindsOf(value: NotificationKind[] | string): NotificationKind[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) as NotificationKind[];
}
