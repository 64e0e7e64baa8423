// The queue of join requests and the members with their roles. Refusing and suspending
// ask for a confirmation first: the first post answers with a confirmation step (works
// without JavaScript), the second, with `confirmed=1`, decides.
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

const STATUSES = ['active', 'suspended'] as const;
type ListStatus = (typeof STATUSES)[number];

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const path = { slug: params.slug };
  const status: ListStatus = url.searchParams.get('statut') === 'suspended' ? 'suspended' : 'active';
  const cursor = url.searchParams.get('apres') ?? undefined;
  const [pending, members] = await Promise.all([
    locals.api.GET('/api/v1/territories/{slug}/memberships', { params: { path, query: { status: 'pending', limit: 100 } } }),
    locals.api.GET('/api/v1/territories/{slug}/memberships', { params: { path, query: { status, limit: 50, cursor } } }),
  ]);
  return {
    status,
    cursor: cursor ?? null,
    pendingItems: pending.data?.items ?? null,
    members: members.data?.items ?? null,
    nextCursor: members.data?.nextCursor ?? null,
    myUserId: locals.user?.id ?? null,
  };
};

type Decision = 'approve' | 'reject' | 'suspend';

async function decide(action: Decision, request: Request, locals: App.Locals, slug: string) {
  const values = await readForm(request, ['membershipId', 'name', 'message', 'confirmed']);
  const needsConfirmation = action !== 'approve';
  if (needsConfirmation && values.confirmed !== '1') {
    return { confirm: { action, membershipId: values.membershipId, name: values.name, message: values.message } };
  }
  const path = `/api/v1/territories/{slug}/memberships/{membershipId}/${action}` as const;
  const { error, response } = await locals.api.POST(path, {
    params: { path: { slug, membershipId: values.membershipId } },
    body: { message: values.message.trim() || undefined },
  });
  if (!response.ok) return apiFailure(response.status, error, values);
  const name = values.name;
  const done =
    action === 'approve'
      ? m.admin_members_approved({ name })
      : action === 'reject'
        ? m.admin_members_rejected({ name })
        : m.admin_members_suspended({ name });
  return { done };
}

export const actions: Actions = {
  approve: ({ request, locals, params }) => decide('approve', request, locals, params.slug),
  reject: ({ request, locals, params }) => decide('reject', request, locals, params.slug),
  suspend: ({ request, locals, params }) => decide('suspend', request, locals, params.slug),
  role: async ({ request, locals, params }) => {
    const values = await readForm(request, ['membershipId', 'name', 'role']);
    const role = values.role === 'admin' || values.role === 'facilitator' ? values.role : 'member';
    const { error, response } = await locals.api.PATCH('/api/v1/territories/{slug}/memberships/{membershipId}', {
      params: { path: { slug: params.slug, membershipId: values.membershipId } },
      body: { role },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { done: m.admin_members_role_changed({ name: values.name }) };
  },
};
