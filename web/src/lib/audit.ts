// The audit log as sentences ("Hélène Fourcade a accepté la demande de Lucas Pérès."),
// from the API's entries (action, target, details) and the names the page looked up.
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';
import { roleLabel } from '$lib/labels';

type AuditEntry = components['schemas']['AuditEntry'];
type Role = Parameters<typeof roleLabel>[0];

export interface AuditNames {
  /** Membership id → the person's name. */
  members: Record<string, string>;
  /** Category id → its label in the person's language. */
  categories: Record<string, string>;
}

const FIELD_LABELS: Record<string, () => string> = {
  name: m.admin_field_name,
  description: m.admin_field_description,
  departement: m.admin_field_departement,
  region: m.admin_field_region,
  centerLat: m.admin_field_center,
  centerLon: m.admin_field_center,
  membershipPolicy: m.admin_field_policy,
  visibility: m.admin_field_visibility,
  charter: m.admin_field_charter,
  accentColor: m.admin_field_accent,
  logo: m.admin_field_logo,
  labelFr: m.admin_field_label_fr,
  labelEn: m.admin_field_label_en,
  position: m.admin_field_position,
  archivedAt: m.admin_field_archived,
};

function fieldList(details: Record<string, unknown>): string {
  const fields = Array.isArray(details.fields) ? details.fields.filter((f): f is string => typeof f === 'string') : [];
  const labels = [...new Set(fields.map((f) => FIELD_LABELS[f]?.() ?? f))];
  return labels.join(', ');
}

const isRole = (value: unknown): value is Role => value === 'admin' || value === 'facilitator' || value === 'member';
const role = (value: unknown) => (isRole(value) ? roleLabel(value) : m.admin_audit_some_role());

/** One sentence for one entry; an action this site does not know yet is still said plainly. */
export function auditSentence(entry: AuditEntry, names: AuditNames): string {
  const actor = entry.actor?.name ?? m.admin_audit_someone();
  const target = entry.targetId ?? '';
  const person = names.members[target] ?? m.admin_audit_a_person();
  const category = names.categories[target] ?? String(entry.details.slug ?? '');
  const d = entry.details;
  switch (entry.action) {
    case 'territory.created':
      return m.admin_audit_territory_created({ actor });
    case 'territory.updated':
      return m.admin_audit_territory_updated({ actor, fields: fieldList(d) });
    case 'category.created':
      return m.admin_audit_category_created({ actor, category });
    case 'category.updated':
      if (Array.isArray(d.fields) && d.fields.length === 1 && d.fields[0] === 'archivedAt') return m.admin_audit_category_archived({ actor, category });
      return m.admin_audit_category_updated({ actor, category, fields: fieldList(d) });
    case 'invitation.created':
      return m.admin_audit_invitation_created({ actor, role: role(d.role) });
    case 'invitation.revoked':
      return m.admin_audit_invitation_revoked({ actor, role: role(d.role) });
    case 'membership.approved':
      return d.from === 'suspended' ? m.admin_audit_membership_reactivated({ actor, person }) : m.admin_audit_membership_approved({ actor, person });
    case 'membership.rejected':
      return m.admin_audit_membership_rejected({ actor, person });
    case 'membership.suspended':
      return m.admin_audit_membership_suspended({ actor, person });
    case 'membership.role_changed':
      return m.admin_audit_membership_role_changed({ actor, person, from: role(d.from), to: role(d.to) });
    case 'listing.updated':
      return m.admin_audit_listing_updated({ actor });
    case 'listing.closed':
      return m.admin_audit_listing_closed({ actor });
    case 'listing.reopened':
      return m.admin_audit_listing_reopened({ actor });
    default:
      return m.admin_audit_other({ actor, action: entry.action });
  }
}
