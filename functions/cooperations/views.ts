import { iso } from '../../schemas/api';
import type { cooperationPartners } from '../../schemas/db';
import type { CooperationRow, PartnerRow, Viewer } from './query';

type Partner = typeof cooperationPartners.$inferSelect;

const num = (v: string | null) => (v === null ? null : Number(v));
const FORMER_MEMBER = 'Ancien membre';

/** Still open to change: proposed, or disputed by a partner. */
export const isOpen = (status: string) => status === 'proposed' || status === 'disputed';

/** The partner lines the viewer decides: their own, or their structure's. */
export function linesOf(viewer: Viewer, partners: Pick<Partner, 'membershipId' | 'organisationId'>[]) {
  return partners.filter(
    (p) => (viewer.membershipId !== null && p.membershipId === viewer.membershipId) || (viewer.organisationId !== null && p.organisationId === viewer.organisationId),
  );
}

export function cooperationView(row: CooperationRow, partners: PartnerRow[], viewer: Viewer) {
  const c = row.cooperation;
  const open = isOpen(c.status);
  const isRecorder = viewer.membershipId !== null && c.recordedByMembershipId === viewer.membershipId;
  return {
    id: c.id,
    status: c.status,
    listing: row.listing,
    conversationId: c.conversationId,
    recordedBy: { membershipId: c.recordedByMembershipId, name: row.recorderName ?? FORMER_MEMBER, organisation: row.recorderOrganisation },
    summary: c.summary,
    exchangeMode: c.exchangeMode,
    quantity: num(c.quantity),
    unit: c.unit,
    startedOn: c.startedOn,
    endedOn: c.endedOn,
    kmAvoided: num(c.kmAvoided),
    kgSaved: num(c.kgSaved),
    eurosSaved: num(c.eurosSaved),
    skillHours: num(c.skillHours),
    partners: partners.map((p) => ({
      membershipId: p.partner.membershipId,
      name: p.name ?? FORMER_MEMBER,
      organisation: p.organisation,
      status: p.partner.status,
      message: p.partner.message,
      decidedAt: iso(p.partner.decidedAt),
    })),
    confirmedAt: iso(c.confirmedAt),
    version: c.version,
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
    canConfirm: open && linesOf(viewer, partners.map((p) => p.partner)).length > 0,
    canAmend: open && isRecorder,
    canWithdraw: open && isRecorder,
  };
}

export type CooperationView = ReturnType<typeof cooperationView>;
