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
  })
  .openapi('InstanceInfo');
