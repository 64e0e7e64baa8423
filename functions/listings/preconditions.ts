// Optimistic concurrency for listings: the shared contract (functions/shared/http/preconditions.ts)
// with the listings' wording.
import { versionChecks } from '../shared/http/preconditions';

export { etag, type Expectation, parseIfMatch, raceVia } from '../shared/http/preconditions';

export const { checkVersion, requirePrecondition, stale } = versionChecks({
  stale: "Cette offre ou ce besoin a été modifié entre-temps. Relisez-le avant d'enregistrer.",
  required: 'Indiquez la version modifiée : en-tête If-Match avec l’ETag lu, ou champ « version » dans le corps.',
});
