// Invitations: send one by email (the API mails the link to /t/{slug}/invitation), list
// those not yet accepted, revoke one after a confirmation step.
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const cursor = url.searchParams.get('apres') ?? undefined;
  const result = await locals.api
    .GET('/api/v1/territories/{slug}/invitations', { params: { path: { slug: params.slug }, query: { limit: 50, cursor } } })
    .catch(() => null);
  return {
    invitations: result?.data?.items ?? null,
    nextCursor: result?.data?.nextCursor ?? null,
    cursor: cursor ?? null,
    // A new idempotency key each time the page is shown: a double submission invites once.
    key: crypto.randomUUID(),
  };
};

export const actions: Actions = {
  invite: async ({ request, locals, params }) => {
    const values = await readForm(request, ['email', 'role', 'message', 'key']);
    const role = values.role === 'admin' || values.role === 'facilitator' ? values.role : 'member';
    const { error, response } = await locals.api.POST('/api/v1/territories/{slug}/invitations', {
      params: { path: { slug: params.slug } },
      headers: values.key ? { 'idempotency-key': values.key } : {},
      body: { email: values.email.trim(), role, message: values.message.trim() || undefined },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { invited: values.email.trim() };
  },
  revoke: async ({ request, locals, params }) => {
    const values = await readForm(request, ['invitationId', 'email', 'confirmed']);
    if (values.confirmed !== '1') return { confirm: { invitationId: values.invitationId, email: values.email } };
    const { error, response } = await locals.api.DELETE('/api/v1/territories/{slug}/invitations/{invitationId}', {
      params: { path: { slug: params.slug, invitationId: values.invitationId } },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { revoked: m.admin_invitations_revoked({ email: values.email }) };
  },
};
