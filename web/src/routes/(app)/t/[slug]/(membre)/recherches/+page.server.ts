// My saved searches in this territory: the list, delete one, and save the filters of
// « Offres et besoins » (the « Me prévenir des nouvelles annonces » button posts here,
// without JavaScript too).
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { apiFailure, readForm } from '$lib/server/forms';
import { loadCategories, loadPlaces, resolveNear } from '$lib/member/space.server';
import { filtersSearch, readFilters, TYPES } from '$lib/member/filters';
import { loadTerritory } from '$lib/server/territory';
import { searchLabel } from '$lib/notifications/search-label';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { data } = await locals.api
    .GET('/api/v1/territories/{slug}/saved-searches', { params: { path: { slug: params.slug } } })
    .catch(() => ({ data: undefined }));
  return { searches: data?.items ?? [], unavailable: !data, saved: url.searchParams.has('enregistree') };
};

export const actions: Actions = {
  creer: async ({ locals, params, request }) => {
    const values = await readForm(request, ['filtres']);
    const filters = readFilters(new URLSearchParams(values.filtres.replace(/^\?/, '')));
    const territory = await loadTerritory(locals.api, params.slug);
    const [categories, places] = await Promise.all([loadCategories(locals.api, params.slug), loadPlaces(locals.api, territory)]);
    const category = categories.find((c) => c.slug === filters.categorie) ?? null;
    const near = resolveNear(filters.pres, places);
    const place = places.find((p) => p.value === filters.pres && p.value !== 'centre')?.label ?? null;
    const [lat, lon] = near ? near.near.split(',').map(Number) : [];
    const { error, response } = await locals.api.POST('/api/v1/territories/{slug}/saved-searches', {
      params: { path: { slug: params.slug } },
      body: {
        label: searchLabel({ ...filters, pres: near ? filters.pres : '' }, category && (getLocale() === 'en' ? category.labelEn : category.labelFr), place),
        kind: filters.type ? TYPES[filters.type] : undefined,
        categoryId: category?.id,
        exchangeMode: filters.modes[0],
        q: filters.q || undefined,
        near: near ? { lat, lon } : undefined,
        radiusKm: near ? filters.rayon : undefined,
      },
    });
    if (!response.ok) return apiFailure(response.status, error, { filtres: filtersSearch(filters) });
    redirect(303, `/t/${params.slug}/recherches?enregistree`);
  },
  supprimer: async ({ locals, params, request }) => {
    const values = await readForm(request, ['id']);
    const { error, response } = await locals.api.DELETE('/api/v1/territories/{slug}/saved-searches/{savedSearchId}', {
      params: { path: { slug: params.slug, savedSearchId: values.id } },
    });
    if (!response.ok && response.status !== 404) return apiFailure(response.status, error, values);
    return { done: m.notif_searches_deleted() };
  },
};
