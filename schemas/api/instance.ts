import { z } from '@hono/zod-openapi';

/**
 * Who runs this instance and where (PRODUCT.md: known hosting), shown in the site's footer;
 * and the charter template the territory creation form starts from.
 */
export const InstanceInfo = z
  .object({
    software: z.literal('SoliTERR'),
    version: z.string(),
    operator: z.string().openapi({ description: "Qui exploite l'instance" }),
    location: z.string().openapi({ description: 'Où sont les serveurs' }),
    licence: z.literal('AGPL-3.0-or-later').openapi({ description: 'Licence du logiciel : chacun peut le copier pour son territoire' }),
    charterTemplate: z.string().openapi({ description: "Le modèle de charte proposé à qui crée un territoire (à adapter)" }),
    map: z
      .object({
        tileUrl: z.string().openapi({ description: 'Modèle d’adresse des tuiles ({z}/{x}/{y})', example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }),
        attribution: z.string().openapi({ description: 'Attribution des tuiles, toujours affichée sur la carte' }),
        attributionUrl: z.string(),
      })
      .openapi({ description: 'Le fond de carte de l’instance (configurable : MAP_TILE_URL, MAP_TILE_ATTRIBUTION)' }),
  })
  .openapi('InstanceInfo');
