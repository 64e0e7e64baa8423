// Joining a territory and waiting for the decision: signed-in people who are not (yet)
// active members.
import type { LayoutServerLoad } from './$types';
import { loadTerritory } from '$lib/server/territory';

export const load: LayoutServerLoad = async ({ locals, params }) => ({
  territory: await loadTerritory(locals.api, params.slug),
  signedIn: true,
});
