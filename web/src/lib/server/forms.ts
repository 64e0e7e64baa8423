// Form actions: read the fields a form declares, send them to the API, and turn its
// problem+json answer into messages beside each field (src/lib/problems.ts).
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { components } from '$lib/api/schema';
import { fieldMessages, problemMessage } from '$lib/problems';

export type Problem = components['schemas']['Problem'];

export interface FormState<F extends string = string> {
  /** The message at the top of the form (role="alert"). */
  message?: string;
  /** One message per field, shown under it and linked with aria-describedby. */
  fields: Partial<Record<F, string>>;
  /** What the person typed (never passwords), to fill the form again. */
  values: Partial<Record<F, string>>;
}

/** The named text fields of a submitted form, as strings ('' when missing). */
export async function readForm<const F extends string>(request: Request, names: readonly F[]): Promise<Record<F, string>> {
  const data = await request.formData();
  const values = {} as Record<F, string>;
  for (const name of names) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

const SECRET = /password/i;

/** Keeps what may be shown again: everything but passwords. */
export function safeValues<F extends string>(values: Record<F, string>): Partial<Record<F, string>> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET.test(k))) as Partial<Record<F, string>>;
}

/** A failed API call as a form failure: field messages and one summary, never raw text. */
export function apiFailure<F extends string>(
  status: number,
  problem: Problem | undefined,
  values: Record<F, string>,
): ActionFailure<FormState<F>> {
  const fields = fieldMessages<F>(problem);
  const message = problemMessage(problem, status);
  return fail(status >= 500 ? 503 : status, { message, fields, values: safeValues(values) });
}
