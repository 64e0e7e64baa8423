import type { Context } from 'hono';
import type { AppEnv } from './deps';

/**
 * The client's address as our own proxy saw it: the gateway appends the peer address to
 * X-Forwarded-For, so the last entry is the one we can trust (earlier entries are
 * whatever the client claimed). Used only to key rate limits.
 */
export function clientIp(c: Context<AppEnv>): string {
  const hops = c.req.header('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean) ?? [];
  return hops.at(-1) || c.req.header('x-real-ip') || 'unknown';
}
