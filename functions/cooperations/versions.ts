// Optimistic concurrency for cooperations: the same contract as listings
// (functions/shared/http/preconditions.ts), with the cooperations' wording.
import { versionChecks } from '../shared/http/preconditions';

export { etag, type Expectation, parseIfMatch, raceVia } from '../shared/http/preconditions';

export const { checkVersion, requirePrecondition, stale } = versionChecks({
  stale: 'Cette coopération a changé entre-temps (correction, confirmation ou contestation). Relisez-la avant de continuer.',
  required: 'Indiquez la version corrigée : en-tête If-Match avec l’ETag lu, ou champ « version » dans le corps.',
});
