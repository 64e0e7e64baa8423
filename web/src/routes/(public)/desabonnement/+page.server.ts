// The « Se désabonner » link of emails: says what will stop, and stops it only when the
// person presses the button (a GET never unsubscribes: mail scanners follow links). The
// button posts the same one-click request a mail client would (RFC 8058).
import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';

const TOKEN = /^[a-z2-7]{16,64}$/;

export const load: PageServerLoad = async ({ locals, url }) => {
  const token = url.searchParams.get('token') ?? '';
  if (!TOKEN.test(token)) return { token: null, link: null };
  const { data } = await locals.api.GET('/api/v1/unsubscribe', { params: { query: { token } } }).catch(() => ({ data: undefined }));
  return { token, link: data ?? null };
};

export const actions: Actions = {
  default: async ({ locals, url }) => {
    const token = url.searchParams.get('token') ?? '';
    if (!TOKEN.test(token)) return fail(404, { invalid: true });
    const { data, response } = await locals.api.POST('/api/v1/unsubscribe', {
      params: { query: { token } },
      body: { 'List-Unsubscribe': 'One-Click' },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (!data) return fail(response.status >= 500 ? 503 : response.status, { invalid: response.status < 500 });
    return { unsubscribed: data.unsubscribed };
  },
};
