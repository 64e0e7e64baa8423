// Turns the API's RFC 9457 problems into words for the person in front of the form, in
// their language. Known codes have their own message; a field's French message from the
// API is kept when it is one of ours (schemas/api), never zod's English defaults, raw
// text or a stack.
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

type Problem = components['schemas']['Problem'];
type FieldIssue = NonNullable<Problem['errors']>[number];

const PROBLEM_MESSAGES: Record<string, () => string> = {
  invalid_credentials: m.problem_invalid_credentials,
  email_taken: m.problem_email_taken,
  token_invalid: m.problem_token_invalid,
  rate_limited: m.problem_rate_limited,
  validation_failed: m.problem_validation_failed,
  unauthenticated: m.problem_unauthenticated,
  invalid_token: m.problem_unauthenticated,
};

/** zod's own messages are English; ours (schemas/api/common.ts) are French. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized|Required)/;

/** One sentence for the top of a form. */
export function problemMessage(problem: Problem | undefined, status: number): string {
  if (!problem || status >= 500) return m.problem_unavailable();
  const known = PROBLEM_MESSAGES[problem.code];
  if (known) return known();
  // The API's detail is written in French for a local business owner.
  if (getLocale() === 'fr' && problem.detail) return problem.detail;
  return m.problem_generic();
}

function fieldMessage(issue: FieldIssue): string {
  const field = issue.path.split('.').at(-1) ?? '';
  if (field === 'email' && issue.code === 'invalid_format') return m.field_invalid_email();
  if (/password/i.test(field) && issue.code === 'too_small') return m.field_password_too_short();
  if (getLocale() === 'fr' && issue.message && !ZOD_DEFAULT.test(issue.message)) {
    return issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + (/[.!?]$/.test(issue.message) ? '' : '.');
  }
  if (issue.code === 'too_small') return m.field_too_short();
  if (issue.code === 'too_big') return m.field_too_long();
  if (issue.code === 'invalid_type') return m.field_required();
  return m.field_invalid();
}

/** Messages by field path (`email`, `territory.name`…): the API's validation issues. */
export function fieldMessages<F extends string>(problem: Problem | undefined): Partial<Record<F, string>> {
  const fields: Partial<Record<string, string>> = {};
  for (const issue of problem?.errors ?? []) {
    // The first issue of a field is the one to fix first.
    if (issue.path && !fields[issue.path]) fields[issue.path] = fieldMessage(issue);
  }
  return fields as Partial<Record<F, string>>;
}
