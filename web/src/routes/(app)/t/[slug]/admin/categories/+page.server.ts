// The territory's categories of resources (admins): add, rename, reorder, archive and
// restore. Archived categories stay on their listings and are offered again on restore.
import type { Actions, PageServerLoad } from './$types';
import type { Api } from '$lib/server/api';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/moderation';
import { slugify } from '$lib/slug';

async function listAll(api: Api, slug: string) {
  const { data } = await api.GET('/api/v1/territories/{slug}/categories', { params: { path: { slug }, query: { includeArchived: 'true' } } });
  return data?.items ?? null;
}

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  requireAdmin((await parent()).role);
  return { categories: await listAll(locals.api, params.slug) };
};

export const actions: Actions = {
  add: async ({ request, locals, params }) => {
    const values = await readForm(request, ['labelFr', 'labelEn']);
    const all = (await listAll(locals.api, params.slug)) ?? [];
    const position = Math.max(0, ...all.map((c) => c.position)) + 10;
    const labelEn = values.labelEn.trim() || values.labelFr.trim();
    let slug = slugify(values.labelFr, 60) || 'categorie';
    if (slug.length < 2) slug = `${slug}-categorie`;
    if (all.some((c) => c.slug === slug)) slug = `${slug.slice(0, 55)}-${all.length + 1}`;
    const { error, response } = await locals.api.POST('/api/v1/territories/{slug}/categories', {
      params: { path: { slug: params.slug } },
      body: { slug, labelFr: values.labelFr.trim(), labelEn, position: Math.min(position, 10000) },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { done: m.admin_categories_added({ label: values.labelFr.trim() }) };
  },
  rename: async ({ request, locals, params }) => {
    const values = await readForm(request, ['categoryId', 'labelFr', 'labelEn']);
    const { error, response } = await locals.api.PATCH('/api/v1/territories/{slug}/categories/{categoryId}', {
      params: { path: { slug: params.slug, categoryId: values.categoryId } },
      body: { labelFr: values.labelFr.trim(), labelEn: values.labelEn.trim() },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { done: m.admin_categories_renamed({ label: values.labelFr.trim() }) };
  },
  move: async ({ request, locals, params }) => {
    const values = await readForm(request, ['categoryId', 'direction']);
    const active = ((await listAll(locals.api, params.slug)) ?? []).filter((c) => !c.archived);
    const from = active.findIndex((c) => c.id === values.categoryId);
    const to = from + (values.direction === 'up' ? -1 : 1);
    if (from < 0 || to < 0 || to >= active.length) return { done: null };
    [active[from], active[to]] = [active[to], active[from]];
    // Positions 10, 20, 30… in the new order; only the categories whose position changes are sent.
    for (const [i, category] of active.entries()) {
      const position = (i + 1) * 10;
      if (category.position === position) continue;
      const { error, response } = await locals.api.PATCH('/api/v1/territories/{slug}/categories/{categoryId}', {
        params: { path: { slug: params.slug, categoryId: category.id } },
        body: { position },
      });
      if (!response.ok) return apiFailure(response.status, error, values);
    }
    return { done: m.admin_categories_moved({ label: active[to].labelFr }), moved: values.categoryId };
  },
  archive: async ({ request, locals, params }) => {
    const values = await readForm(request, ['categoryId', 'label', 'archived']);
    const archived = values.archived === 'true';
    const { error, response } = await locals.api.PATCH('/api/v1/territories/{slug}/categories/{categoryId}', {
      params: { path: { slug: params.slug, categoryId: values.categoryId } },
      body: { archived },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { done: archived ? m.admin_categories_archived({ label: values.label }) : m.admin_categories_restored({ label: values.label }) };
  },
};
