// French words of the public feed: uMap shows properties as they are, to anyone.
import type { EXCHANGE_MODES, LISTING_KINDS } from '../../schemas/db/enums';

export const KIND_FR: Record<(typeof LISTING_KINDS)[number], 'Offre' | 'Besoin'> = { offer: 'Offre', need: 'Besoin' };

export const EXCHANGE_MODE_FR: Record<(typeof EXCHANGE_MODES)[number], string> = {
  don: 'Don',
  pret: 'Prêt',
  location: 'Location',
  echange: 'Échange',
  vente: 'Vente',
  mutualisation: 'Mutualisation',
  mecenat_competences: 'Mécénat de compétences',
};

/** Marker colours in uMap (`_umap_options.color`), the same as the site's map. */
export const KIND_COLOUR = { offer: '#1b6e4f', need: '#a14a0b' } as const;
