// The categories every new territory starts with (PRODUCT.md, "ressource"). Admins can
// rename, archive, reorder and add their own.
export const DEFAULT_CATEGORIES = [
  { slug: 'materiel', labelFr: 'Matériel', labelEn: 'Equipment' },
  { slug: 'vehicules-mobilite', labelFr: 'Véhicules et mobilité', labelEn: 'Vehicles and mobility' },
  { slug: 'locaux-espaces', labelFr: 'Locaux et espaces', labelEn: 'Premises and spaces' },
  { slug: 'competences-temps', labelFr: 'Compétences et temps', labelEn: 'Skills and time' },
  { slug: 'matieres-approvisionnement', labelFr: 'Matières et approvisionnement', labelEn: 'Materials and supplies' },
  { slug: 'services', labelFr: 'Services', labelEn: 'Services' },
  { slug: 'savoir-faire', labelFr: 'Savoir-faire', labelEn: 'Know-how' },
] as const;

export const CHARTER_TEMPLATE = `Charte du territoire

1. Nous sommes des personnes et des structures réelles du territoire : pas de compte anonyme.
2. Nous publions des offres et des besoins sincères, et nous les clôturons quand ils sont satisfaits.
3. Nous répondons avec bienveillance et dans un délai raisonnable.
4. Nous ne revendons pas ce qui nous est donné ou prêté, et nous rendons ce qui nous est prêté en bon état.
5. Nos données nous appartiennent : chacun peut les exporter ou les effacer, rien n'est vendu.
6. Les règles de fonctionnement de l'outil sont discutées ensemble dans l'espace Gouvernance.`;
