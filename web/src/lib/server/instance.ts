// Who hosts this instance (GET /api/v1/instance), for the footer of every page. It
// changes only with the configuration, so it is kept for five minutes.
import type { Api } from './api';
import type { InstanceInfo } from '$lib/api/types';

const TTL_MS = 5 * 60 * 1000;
let cached: { info: InstanceInfo; at: number } | null = null;

export async function instanceInfo(api: Api): Promise<InstanceInfo | null> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.info;
  const result = await api.GET('/api/v1/instance').catch(() => null);
  if (!result?.data) return cached?.info ?? null;
  cached = { info: result.data, at: Date.now() };
  return result.data;
}
