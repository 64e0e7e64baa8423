// A saved search's label from the filters of « Offres et besoins »:
// « Offres · Véhicules et mobilité · « fourgon » · à moins de 20 km de Tarbes ».
import { m } from '$lib/paraglide/messages.js';
import type { Filters } from '$lib/member/filters';

export function searchLabel(f: Filters, category: string | null, place: string | null): string {
  const parts: string[] = [f.type === 'offres' ? m.notif_label_offers() : f.type === 'besoins' ? m.notif_label_needs() : m.notif_label_all()];
  if (category) parts.push(category);
  if (f.q) parts.push(m.notif_label_words({ q: f.q }));
  if (f.pres) parts.push(place ? m.notif_label_near({ km: f.rayon, place }) : m.notif_label_radius({ km: f.rayon }));
  return parts.join(' · ').slice(0, 120);
}
