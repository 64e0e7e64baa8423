// How notifications and saved searches are shown by the API.
import type { z } from '@hono/zod-openapi';
import { iso, type NotificationSchema, type SavedSearchSchema } from '../../schemas/api';
import type { notifications, savedSearches } from '../../schemas/db';

export function notificationView(n: typeof notifications.$inferSelect): z.infer<typeof NotificationSchema> {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    subjectId: n.subjectId,
    createdAt: iso(n.createdAt)!,
    readAt: iso(n.readAt),
  };
}

export function savedSearchView(s: typeof savedSearches.$inferSelect): z.infer<typeof SavedSearchSchema> {
  return {
    id: s.id,
    label: s.label,
    kind: s.kind,
    categoryId: s.categoryId,
    exchangeMode: s.exchangeMode,
    q: s.q,
    near: s.nearLat !== null && s.nearLon !== null ? { lat: s.nearLat, lon: s.nearLon } : null,
    radiusKm: s.radiusKm,
    createdAt: iso(s.createdAt)!,
    lastNotifiedAt: iso(s.lastNotifiedAt),
  };
}

/** « m…@example.fr »: enough for a person to recognise their address, not to learn one. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}…@${domain ?? ''}`;
}
