// Email verification tokens: used by sign-up (auth) and territory creation (territories).
import { userTokens } from '../../../schemas/db';
import type { Scope } from '../db/tenant';
import type { Deps } from '../http/deps';
import { verificationMail } from '../mail/account-emails';
import { SITE_PATHS, siteLink } from '../mail/links';
import { generateToken, hashToken } from './tokens';

const HOUR = 60 * 60 * 1000;

export async function issueUserToken(scope: Scope, userId: string, purpose: 'verify_email' | 'reset_password', ttlMs: number) {
  const token = generateToken();
  await scope.tx.insert(userTokens).values({ id: hashToken(token), userId, purpose, expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

export async function sendVerificationMail(
  deps: Deps,
  scope: Scope,
  user: { id: string; email: string; name: string; locale: string },
) {
  await (await prepareVerificationMail(deps, scope, user))();
}

/**
 * Issues the token in the transaction and returns the sending, for a caller whose
 * transaction may still fail after the account is written (territory creation): the
 * mail goes once it has committed, never with a link to an account rolled back.
 */
export async function prepareVerificationMail(
  deps: Deps,
  scope: Scope,
  user: { id: string; email: string; name: string; locale: string },
): Promise<() => Promise<void>> {
  const token = await issueUserToken(scope, user.id, 'verify_email', 48 * HOUR);
  const link = siteLink(deps.config.PUBLIC_URL, SITE_PATHS.verifyEmail, { token });
  return () => deps.mailer.send(verificationMail(user.email, user.name, link, user.locale));
}
