// Loading a territory for a page under /t/{slug}: 404 when it does not exist or is
// private and the person is not a member (the API answers the same for both).
import { error } from '@sveltejs/kit';
import type { Api } from './api';
import type { Territory } from '$lib/api/types';

export async function loadTerritory(api: Api, slug: string): Promise<Territory> {
  const { data, response } = await api.GET('/api/v1/territories/{slug}', { params: { path: { slug } } });
  if (data) return data;
  if (response.status === 404 || response.status === 400) error(404, 'Not Found');
  error(503, 'Service Unavailable');
}
