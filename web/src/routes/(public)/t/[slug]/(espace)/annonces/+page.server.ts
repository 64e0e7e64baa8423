// /t/{slug}/annonces is where the territory page's « open the space » button leads.
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
  redirect(308, `/t/${params.slug}/offres-et-besoins${url.search}`);
};
