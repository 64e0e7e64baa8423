// « Enregistrer une coopération » from a listing (?annonce=<id>), for the listing's side:
// its author or a member of the structure it names. The partners are chosen among the
// people who responded to it. The conversation page's form posts here too, with its
// conversation and partner as hidden fields; without JavaScript a refused submission
// comes back on this page with a message under each field.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cooperationFailure, cooperationFields, readCooperationForm } from '$lib/cooperations/cooperation-form.server';
import { partyName } from '$lib/cooperations/types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const listingId = url.searchParams.get('annonce') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(listingId)) redirect(303, `/t/${params.slug}/mes-annonces`);
  const path = { slug: params.slug };
  const [listing, me, conversations] = await Promise.all([
    locals.api.GET('/api/v1/territories/{slug}/listings/{listingId}', { params: { path: { ...path, listingId } } }),
    locals.api.GET('/api/v1/territories/{slug}/memberships/me', { params: { path } }),
    locals.api.GET('/api/v1/territories/{slug}/conversations', { params: { path, query: { listingId, limit: 100 } } }).catch(() => ({ data: undefined })),
  ]);
  if (!listing.data) error(404, { message: 'Not found' });
  const l = listing.data;
  const mine = me.data && (l.author?.membershipId === me.data.id || (l.organisation !== null && l.organisation.id === me.data.organisation?.id));
  // One line per person who responded (a structure may have answered twice, through two people).
  const seen = new Set<string>();
  const candidates = (conversations.data?.items ?? [])
    .filter((c) => c.mySide === 'author' && !seen.has(c.responder.membershipId) && seen.add(c.responder.membershipId))
    .map((c) => ({ membershipId: c.responder.membershipId, label: partyName(c.responder), conversationId: c.id }));
  return {
    listing: l,
    mine: Boolean(mine),
    candidates,
    conversationId: url.searchParams.get('conversation') ?? '',
    idempotencyKey: crypto.randomUUID(),
  };
};

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const form = await request.formData();
    const values = readCooperationForm(form);
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v : '';
    };
    const listingId = text('listingId');
    const conversationId = text('conversationId');
    const key = text('idempotencyKey');
    const { body, local } = cooperationFields(values);
    if (Object.keys(local).length) return cooperationFailure(400, undefined, values, local);
    const { data, error: problem, response } = await locals.api.POST('/api/v1/territories/{slug}/cooperations', {
      params: { path: { slug: params.slug }, header: key ? { 'idempotency-key': key } : {} },
      body: {
        ...body,
        exchangeMode: body.exchangeMode || undefined,
        listingId,
        conversationId: conversationId || undefined,
        partners: values.partners.map((membershipId) => ({ membershipId })),
      },
    });
    if (!data) return cooperationFailure(response.status, problem, values);
    redirect(303, `/t/${params.slug}/cooperations/${data.id}?fait=enregistree`);
  },
};
