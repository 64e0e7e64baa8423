// A cooperation: what was exchanged, its partners and where each stands, and what the
// person can do — confirm or dispute (a partner), correct or withdraw (the recorder).
// Every action is a plain form POST, then a redirect with ?fait=… for the message.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cooperationFailure, cooperationFields, readCooperationForm } from '$lib/cooperations/cooperation-form.server';
import { apiFailure, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { data } = await locals.api.GET('/api/v1/territories/{slug}/cooperations/{cooperationId}', {
    params: { path: { slug: params.slug, cooperationId: params.id } },
  });
  if (!data) error(404, { message: 'Not found' });
  return { cooperation: data, done: url.searchParams.get('fait') ?? '' };
};

const path = (params: { slug: string; id: string }) => ({ path: { slug: params.slug, cooperationId: params.id } });
const done = (params: { slug: string; id: string }, what: string) => redirect(303, `/t/${params.slug}/cooperations/${params.id}?fait=${what}`);

export const actions: Actions = {
  confirmer: async ({ locals, params, request }) => {
    const values = await readForm(request, ['message']);
    const { data, error: problem, response } = await locals.api.POST('/api/v1/territories/{slug}/cooperations/{cooperationId}/confirm', {
      params: path(params),
      body: values.message.trim() ? { message: values.message } : {},
    });
    if (!data) return apiFailure(response.status, problem, values);
    done(params, 'confirmee');
  },
  contester: async ({ locals, params, request }) => {
    const values = await readForm(request, ['message']);
    const { data, error: problem, response } = await locals.api.POST('/api/v1/territories/{slug}/cooperations/{cooperationId}/dispute', {
      params: path(params),
      body: { message: values.message },
    });
    if (!data) return apiFailure(response.status, problem, values);
    done(params, 'contestee');
  },
  retirer: async ({ locals, params, request }) => {
    const values = await readForm(request, ['version']);
    const version = Number(values.version);
    const { data, error: problem, response } = await locals.api.POST('/api/v1/territories/{slug}/cooperations/{cooperationId}/withdraw', {
      params: path(params),
      body: Number.isInteger(version) && version > 0 ? { version } : {},
    });
    if (!data) return apiFailure(response.status, problem, {});
    done(params, 'retiree');
  },
  corriger: async ({ locals, params, request }) => {
    const form = await request.formData();
    const values = readCooperationForm(form);
    const version = Number(form.get('version'));
    const { body, local } = cooperationFields(values);
    if (Object.keys(local).length) return cooperationFailure(400, undefined, values, local);
    const { data, error: problem, response } = await locals.api.PATCH('/api/v1/territories/{slug}/cooperations/{cooperationId}', {
      params: path(params),
      body: { ...body, exchangeMode: body.exchangeMode || undefined, version: Number.isInteger(version) && version > 0 ? version : undefined },
    });
    if (!data) return cooperationFailure(response.status, problem, values);
    done(params, 'corrigee');
  },
};
