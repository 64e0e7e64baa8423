// The callers of territory A: a visitor, a pending member, a member, a facilitator, an
// admin, an integrator with a Bearer token, and one person who is admin in A and a plain
// member of B. Site callers send the session cookie with a same-origin Origin header, as
// the browser does; the integrator sends Authorization: Bearer.
import type { CallOptions, TestUser } from '../../support/harness';
import { ORIGIN } from '../../support/harness';

export type CallerKey = 'visitor' | 'pending' | 'member' | 'facilitator' | 'admin' | 'apiClient' | 'both';

export interface Caller {
  key: CallerKey;
  user: TestUser | null;
  auth: 'none' | 'cookie' | 'bearer';
  /** Their standing in B: only the person who belongs to both has one. */
  inB: 'member' | null;
  /** Their own membership in A (set once the world is built). */
  membershipA: string | null;
}

export function callerOf(key: CallerKey, user: TestUser | null, auth: Caller['auth'], inB: Caller['inB']): Caller {
  return { key, user, auth, inB, membershipA: null };
}

/** How the caller authenticates a request. */
export function credentials(caller: Caller, token = caller.user?.token): Pick<CallOptions, 'token' | 'headers'> {
  if (caller.auth === 'bearer') return { token };
  if (caller.auth === 'cookie') return { headers: { cookie: `soliterr_session=${token}`, origin: ORIGIN } };
  return {};
}
