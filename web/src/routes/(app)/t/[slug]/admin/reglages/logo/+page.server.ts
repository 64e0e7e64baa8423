// The territory's logo (admins): a multipart form posted here, its bytes forwarded to the
// API as they are (PUT /logo), so it works without JavaScript. On success, back to the
// settings; on failure, this page shows the form again with the message.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { problemMessage } from '$lib/problems';
import { requireAdmin } from '$lib/server/moderation';

/** The API's limit (functions/territories/logo.ts): refused here before sending. */
const LOGO_MAX_BYTES = 512 * 1024;
const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

export const load: PageServerLoad = async ({ parent }) => {
  const { role } = await parent();
  requireAdmin(role);
  return {};
};

function logoFailure(status: number, code: string | undefined, fallback: string) {
  const message = code === 'logo_too_large' ? m.admin_logo_too_large() : code === 'logo_type_unsupported' ? m.admin_logo_unsupported() : fallback;
  return fail(status >= 500 ? 503 : status, { message });
}

export const actions: Actions = {
  upload: async ({ request, locals, params }) => {
    const file = (await request.formData()).get('logo');
    if (!(file instanceof File) || file.size === 0) return fail(422, { message: m.admin_logo_missing() });
    if (file.size > LOGO_MAX_BYTES) return logoFailure(413, 'logo_too_large', '');
    if (!ACCEPTED.includes(file.type)) return logoFailure(415, 'logo_type_unsupported', '');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { error, response } = await locals.api.PUT('/api/v1/territories/{slug}/logo', {
      params: { path: { slug: params.slug } },
      // The body is the image itself, not JSON.
      body: bytes as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': file.type },
    });
    if (!response.ok) return logoFailure(response.status, error?.code, problemMessage(error, response.status));
    redirect(303, `/t/${params.slug}/admin/reglages?logo=saved#logo`);
  },
  remove: async ({ locals, params }) => {
    const { error, response } = await locals.api.DELETE('/api/v1/territories/{slug}/logo', { params: { path: { slug: params.slug } } });
    if (!response.ok) return logoFailure(response.status, error?.code, problemMessage(error, response.status));
    redirect(303, `/t/${params.slug}/admin/reglages?logo=removed#logo`);
  },
};
