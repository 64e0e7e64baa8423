// Arbitraries derived from the JSON schemas of the OpenAPI document, so an operation
// added tomorrow is fuzzed without a line here: `plausible` values follow the schema as
// far as the document tells (refinements of the zod schemas are not in it, so they may
// still be refused), `violations` break it in one place, in a way the schema forbids.
import fc from 'fast-check';
import type { OpenApiDocument } from '../../functions/docs/document';
import { invalidEmails, invalidUuids, nastyText, notInPattern } from './strings';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = doc.components?.schemas?.[name] as JsonSchema | undefined;
  if (!found) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, found);
}

export const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);

/** Free text: a string the schema bounds by length only (the fields people write). */
export const isText = (s: JsonSchema) =>
  typesOf(s).includes('string') && s.maxLength !== undefined && !s.pattern && !s.format && !s.enum;

const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function plausibleString(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? 1000));
  switch (s.format) {
    case 'uuid': return fc.uuid();
    case 'email': return fc.emailAddress().filter((e) => e.length <= 254);
    case 'date': return isoDate;
    case 'uri': return fc.webUrl({ validSchemes: ['http', 'https'] }).filter((u) => u.length <= (s.maxLength ?? 500));
    default: {
      const min = s.minLength ?? 0;
      // Long fields are filled to their limit now and then, but kept short most of the time.
      const max = Math.min(s.maxLength ?? 200, 200);
      const text = nastyText(min, Math.max(min, max));
      return s.maxLength && s.maxLength > 200 ? fc.oneof({ arbitrary: text, weight: 9 }, { arbitrary: fc.constant('é'.repeat(s.maxLength)), weight: 1 }) : text;
    }
  }
}

/** A value that follows the schema as far as the document describes it. */
export function plausible(doc: OpenApiDocument, schema: JsonSchema): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = typesOf(s).filter((t) => t !== 'null');
  const nullable = typesOf(s).includes('null');
  let arb: fc.Arbitrary<unknown>;
  switch (types[0]) {
    case 'string': arb = plausibleString(s); break;
    case 'integer': arb = fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 }); break;
    case 'number': arb = fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true }); break;
    case 'boolean': arb = fc.boolean(); break;
    case 'array': {
      const items = resolve(doc, s.items ?? {});
      const options = { minLength: s.minItems ?? 0, maxLength: s.maxItems ?? 5 };
      arb = items.enum ? fc.uniqueArray(fc.constantFrom(...items.enum), options) : fc.array(plausible(doc, items), options);
      break;
    }
    case 'object': {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(doc, v)]));
      arb = fc.record(props, { requiredKeys: (s.required ?? []) as never[] });
      break;
    }
    default: arb = fc.jsonValue();
  }
  return nullable ? fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : arb;
}

export interface Violation {
  value: unknown;
  why: string;
}

const wrongTypes: Record<string, unknown[]> = {
  string: [42, true, ['a'], { a: 1 }],
  number: ['12', true, [1], { n: 1 }, '1e999'],
  integer: ['12', true, [1]],
  boolean: ['true', 1, 0, 'oui', []],
  array: ['don', 7, { 0: 'don' }, true],
  object: ['{}', 1, ['a'], true],
};

/** Values that break the schema right here (not deeper), each with the reason. */
export function violationsOf(s: JsonSchema): Violation[] {
  const types = typesOf(s);
  const out: Violation[] = [];
  for (const t of types.filter((t) => t !== 'null')) {
    for (const v of wrongTypes[t] ?? []) {
      const jsonType = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
      const fits = types.includes(jsonType) || (jsonType === 'integer' && types.includes('number'));
      if (!fits) out.push({ value: v, why: `wrong type ${JSON.stringify(v)}` });
    }
  }
  if (!types.includes('null') && types.length) out.push({ value: null, why: 'null' });
  if (s.enum) out.push(...['ADMIN', '', 'autre chose', "' or 1=1 --"].filter((v) => !s.enum!.includes(v)).map((v) => ({ value: v, why: `not in enum: ${v}` })));
  if (types.includes('string') && !s.enum) {
    if (s.maxLength !== undefined) out.push({ value: 'x'.repeat(s.maxLength + 1), why: `longer than ${s.maxLength}` });
    if (s.maxLength !== undefined) out.push({ value: '🌍'.repeat(s.maxLength + 1), why: `longer than ${s.maxLength} (emoji)` });
    if (s.minLength) out.push({ value: 'x'.repeat(s.minLength - 1), why: `shorter than ${s.minLength}` });
    if (s.pattern) out.push(...notInPattern(s.pattern).map((v) => ({ value: v, why: `outside ${s.pattern}: ${JSON.stringify(v)}` })));
    if (s.format === 'uuid') out.push(...invalidUuids.map((v) => ({ value: v, why: `invalid uuid ${JSON.stringify(v)}` })));
    if (s.format === 'email') out.push(...invalidEmails.map((v) => ({ value: v, why: `invalid email ${JSON.stringify(v)}` })));
    if (s.format === 'date') out.push(...['2026-13-01', '2026-02-30', '26-01-01', '2026-01-01T00:00:00Z', 'demain'].map((v) => ({ value: v, why: `invalid date ${v}` })));
    if (s.format === 'uri') out.push(...['javascript:alert(1)', 'ftp://example.fr', 'pas une adresse', 'data:text/html,<script>alert(1)</script>'].map((v) => ({ value: v, why: `invalid uri ${v}` })));
  }
  if (types.includes('number') || types.includes('integer')) {
    if (s.minimum !== undefined) out.push({ value: s.minimum - 1, why: `below ${s.minimum}` });
    if (s.maximum !== undefined) out.push({ value: s.maximum + 1, why: `above ${s.maximum}` });
    if (types.includes('integer') && !types.includes('number')) {
      out.push({ value: (s.minimum ?? 0) + 1.5, why: 'not an integer' }, { value: 2 ** 53 + 2, why: 'unsafe integer' });
    }
  }
  if (types.includes('array')) {
    if (s.minItems) out.push({ value: [], why: `fewer than ${s.minItems} items` });
    if (s.maxItems !== undefined) out.push({ value: Array.from({ length: s.maxItems + 1 }, (_, i) => (s.items?.enum ?? ['x'])[i % (s.items?.enum?.length ?? 1)]), why: `more than ${s.maxItems} items` });
  }
  return out;
}

/**
 * Every way to break `value` (a value of `schema`) in one place: a wrong value at any
 * depth, a required property left out, an unknown property added to a closed object.
 */
export function violations(doc: OpenApiDocument, schema: JsonSchema, value: unknown, path = ''): Violation[] {
  const s = resolve(doc, schema);
  const here = violationsOf(s).map((v) => ({ ...v, why: `${path || 'body'}: ${v.why}` }));
  if (!typesOf(s).includes('object') || !value || typeof value !== 'object' || Array.isArray(value)) return here;
  const object = value as Record<string, unknown>;
  const out = [...here];
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    const at = path ? `${path}.${key}` : key;
    for (const v of violations(doc, sub, object[key], at)) {
      out.push({ value: { ...object, [key]: v.value }, why: v.why });
    }
  }
  for (const key of s.required ?? []) {
    const { [key]: _dropped, ...rest } = object;
    out.push({ value: rest, why: `${path ? `${path}.` : ''}${key} left out` });
  }
  if (s.additionalProperties === false) {
    for (const key of ['__proto__', 'constructor', 'territoryId', 'id', 'role;drop', '']) {
      if (!(key in (s.properties ?? {}))) {
        // A computed key makes "__proto__" an own property, sent as such in the JSON.
        out.push({ value: { ...object, [key]: 1 }, why: `${path || 'body'}: unknown property ${JSON.stringify(key)}` });
      }
    }
  }
  return out;
}
