// The cooperation form (record and correct) between the browser and the API: form fields
// → the API's body (numbers in French or English notation; empty means none), the API's
// problems → a message under each field. Field names are the API's, so its validation
// paths land on the right input (partners.0.membershipId → partners).
import { fail } from '@sveltejs/kit';
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';
import { fieldMessages, problemMessage } from '$lib/problems';
import { COOPERATION_FIELDS, type CooperationValues } from './values';

type Problem = components['schemas']['Problem'];
export type CreateBody = components['schemas']['CreateCooperationRequest'];
export type UpdateBody = components['schemas']['UpdateCooperationRequest'];

export const NUMBER_FIELDS = ['quantity', 'kmAvoided', 'kgSaved', 'eurosSaved', 'skillHours'] as const;
export type CooperationField = (typeof COOPERATION_FIELDS)[number] | 'partners';

export function readCooperationForm(data: FormData): CooperationValues {
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v : '';
  };
  const values = { ...Object.fromEntries(COOPERATION_FIELDS.map((f) => [f, text(f)])), partners: [] } as unknown as CooperationValues;
  values.partners = data.getAll('partners').filter((v): v is string => typeof v === 'string' && v !== '');
  return values;
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;

/** The fields common to recording and correcting; `local` holds what cannot even be sent. */
export function cooperationFields(values: CooperationValues) {
  const local: Partial<Record<CooperationField, string>> = {};
  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number | null>> = {};
  for (const f of NUMBER_FIELDS) {
    const t = values[f].replace(/\s/g, '');
    if (t && !NUMBER.test(t)) local[f] = m.coop_field_number();
    numbers[f] = t && NUMBER.test(t) ? Number(t.replace(',', '.')) : null;
  }
  const body = {
    summary: values.summary,
    exchangeMode: values.exchangeMode as CreateBody['exchangeMode'],
    unit: values.unit.trim() || null,
    startedOn: values.startedOn || null,
    endedOn: values.endedOn || null,
    ...numbers,
  };
  return { body, local };
}

/** A failed submission: the API's messages (or ours) under each field, what was typed kept. */
export function cooperationFailure(
  status: number,
  problem: Problem | undefined,
  values: CooperationValues,
  local: Partial<Record<CooperationField, string>> = {},
) {
  const fields: Partial<Record<string, string>> = { ...local };
  for (const [path, text] of Object.entries(fieldMessages(problem))) {
    const field = path.startsWith('partners') ? 'partners' : path;
    fields[field] ??= text;
  }
  const message = problem || status >= 500 ? problemMessage(problem, status) : m.problem_validation_failed();
  return fail(status >= 500 ? 503 : status, { message, fields, values, stale: problem?.code === 'version_conflict' || problem?.code === 'version_mismatch' });
}
