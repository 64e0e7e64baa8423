// A cooperation as the form's values (numbers in the person's notation), shared by the
// server (form actions) and the page (the correction form starts from the stored values).
import type { Cooperation } from './types';

export const COOPERATION_FIELDS = [
  'summary', 'exchangeMode', 'quantity', 'unit', 'startedOn', 'endedOn', 'kmAvoided', 'kgSaved', 'eurosSaved', 'skillHours',
] as const;
export type CooperationValues = Record<(typeof COOPERATION_FIELDS)[number], string> & { partners: string[] };

export function cooperationValues(c: Cooperation): CooperationValues {
  const n = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
  return {
    summary: c.summary,
    exchangeMode: c.exchangeMode,
    quantity: n(c.quantity),
    unit: c.unit ?? '',
    startedOn: c.startedOn ?? '',
    endedOn: c.endedOn ?? '',
    kmAvoided: n(c.kmAvoided),
    kgSaved: n(c.kgSaved),
    eurosSaved: n(c.eurosSaved),
    skillHours: n(c.skillHours),
    partners: c.partners.map((p) => p.membershipId),
  };
}
