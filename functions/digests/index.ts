import { createRoute, z } from '@hono/zod-openapi';
import { defineFunction } from '../shared/http/function';
import { deliverNotifications } from './delivery';

const Result = z.object({
  emails: z.number().int(),
  notified: z.number().int(),
  skipped: z.number().int(),
  periods: z.array(z.string()),
});

// Not in the public API document (hide) and routed by no public prefix (openfaas.yml
// gives this function none): only the cron-connector reaches it, through the gateway's
// /function/digests. A call sends only what is due, so an extra call sends nothing twice.
const run = (path: string) =>
  createRoute({
    method: 'post',
    path,
    hide: true,
    responses: { 200: { description: 'Delivery run', content: { 'application/json': { schema: Result } } } },
  });

/** Scheduled: emails notifications at once or in daily and weekly digests (cron-connector). */
export default defineFunction({
  name: 'digests',
  register(app) {
    for (const path of ['/', '/api/v1/internal/digests']) {
      app.openapi(run(path), async (c) => c.json(await deliverNotifications(c.get('deps')), 200));
    }
  },
});
