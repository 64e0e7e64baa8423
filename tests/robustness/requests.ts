// Requests built from one operation of the document. `refusals` are families of requests
// the API must refuse (each breaks the operation's contract in one place: credentials,
// path, query, header, body, bytes, content type, size); `plausible` follows the
// contract as far as the document tells, with hostile text everywhere it can go.
import fc from 'fast-check';
import { badImages, type ImageBody, imageBodyOf, plausibleImages, tooLargeImages } from './images';
import type { OpenApiDocument, OperationEntry } from '../../functions/docs/document';
import { generateToken } from '../../functions/shared/auth/tokens';
import { type JsonSchema, plausible, resolve, typesOf, violations, violationsOf } from './schema';
import { INJECTIONS, nastyText, UNSTORABLE } from './strings';

export interface FuzzRequest {
  family: string;
  why: string;
  params: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  /** Exactly the bytes sent; with a JSON content type and its length unless `headers` say otherwise. */
  body?: Uint8Array;
  /** The JSON value the body was made from, when it was one. */
  json?: unknown;
  /** Send the caller's credentials (false: the request carries its own, or none). */
  signed: boolean;
}

interface Param {
  name: string;
  schema: JsonSchema;
}

export interface Shape {
  id: string;
  method: string;
  path: string;
  path_: Param[];
  query: Param[];
  header: Param[];
  body?: JsonSchema;
  /** The body is an image, not JSON (images.ts). */
  image?: ImageBody;
  bodyRequired: boolean;
  /** The statuses the document declares for the operation. */
  documented: Set<number>;
}

export function shapeOf(doc: OpenApiDocument, entry: OperationEntry): Shape {
  // Shared parameters are references to components.parameters.
  const all = (entry.operation.parameters ?? []).map((p) => {
    const ref = (p as { $ref?: string }).$ref;
    return ref ? ((doc.components as Record<string, Record<string, typeof p>>).parameters[ref.split('/').pop()!]) : p;
  });
  const params = (where: string) =>
    all.filter((p) => p.in === where).map((p) => ({ name: p.name, schema: resolve(doc, (p.schema ?? {}) as JsonSchema) }));
  const json = entry.operation.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
  return {
    id: entry.operation.operationId,
    method: entry.method.toUpperCase(),
    path: entry.path,
    path_: params('path'),
    query: params('query'),
    header: params('header'),
    body: json ? resolve(doc, json) : undefined,
    image: imageBodyOf(entry.operation.requestBody?.content as Record<string, { schema?: unknown }> | undefined),
    bodyRequired: entry.operation.requestBody?.required ?? false,
    documented: new Set(Object.keys(entry.operation.responses).map(Number)),
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const jsonBytes = (v: unknown) => utf8(JSON.stringify(v));
const hasBody = (shape: Shape) => ['POST', 'PATCH', 'PUT'].includes(shape.method);

/** Strings that break a parameter's schema (parameters travel as text). */
function textViolations(schema: JsonSchema): { value: string; why: string }[] {
  const types = typesOf(schema);
  const numeric = types.includes('number') || types.includes('integer');
  // A number travels as text here: "12" is not a wrong type, only a bad number is.
  const out = numeric ? [] : violationsOf(schema)
    .filter((v): v is { value: string; why: string } => typeof v.value === 'string')
    .filter((v) => !['', '.', '..'].includes(v.value));
  if (numeric) {
    const bad = ['abc', 'NaN', 'Infinity', '1e999', '--1', '0x'];
    if (schema.minimum !== undefined) bad.push(String(schema.minimum - 1), '-Infinity');
    if (schema.maximum !== undefined) bad.push(String(schema.maximum + 1), String(schema.maximum * 1e6));
    if (!types.includes('number')) bad.push(`${(schema.minimum ?? 0) + 1}.5`);
    out.push(...bad.map((value) => ({ value, why: `not a valid number here: ${value}` })));
  }
  return out;
}

const BAD_AUTHORIZATION = ['Bearer !!!', 'Basic dXNlcjpwYXNzd29yZA==', 'Bearer', `Bearer ${'a'.repeat(15)}`, `Bearer ${'a'.repeat(65)}`, 'Bearer a b c', "Bearer ' or 1=1 --"];
const MALFORMED_JSON = ['{', '{"a":}', "{'a':1}", '{"a":NaN}', '{"a":1,}', '[1,2', '{}x', 'nul', '"\\ud800', '{"a":"\\x41"}', '{"a":01}', '\u0000{}'];
/** Byte sequences UTF-8 forbids: overlong, lone continuation, encoded surrogate, 5-byte form, FE/FF. */
export const INVALID_UTF8 = [[0xc0, 0xaf], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xff], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]];
const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', 'json', 'text/json'];

/** The families of refusals that apply to this operation, each an arbitrary of requests. */
export function refusals(doc: OpenApiDocument, shape: Shape, params: Record<string, string>): Record<string, fc.Arbitrary<FuzzRequest>> {
  const base = (family: string, why: string, more: Partial<FuzzRequest> = {}): FuzzRequest => ({ family, why, params, query: [], headers: {}, signed: true, ...more });
  const body = shape.body ? plausible(doc, shape.body) : fc.constant(undefined);
  const families: Record<string, fc.Arbitrary<FuzzRequest>> = {
    credentials: fc.tuple(fc.constantFrom(...BAD_AUTHORIZATION, `Bearer ${generateToken()}`), body).map(([authorization, json]) =>
      base('credentials', `Authorization: ${authorization}`, { headers: { authorization }, signed: false, json, body: json === undefined ? undefined : jsonBytes(json) }),
    ),
  };
  const pathBad = shape.path_.flatMap((p) => textViolations(p.schema).map((v) => ({ name: p.name, ...v })));
  if (pathBad.length) {
    families.path = fc.tuple(fc.constantFrom(...pathBad), body).map(([v, json]) =>
      base('path', `path ${v.name}: ${v.why}`, { params: { ...params, [v.name]: v.value }, json, body: json === undefined ? undefined : jsonBytes(json) }),
    );
  }
  const queryBad = [
    ...shape.query.flatMap((p) => textViolations(p.schema).map((v) => ({ name: p.name, ...v }))),
    ...(shape.query.length ? [{ name: 'inconnu', value: '1', why: 'unknown parameter' }, { name: 'territoryId', value: params.slug ?? 'x', why: 'unknown parameter' }] : []),
  ];
  if (queryBad.length) {
    families.query = fc.constantFrom(...queryBad).map((v) => base('query', `query ${v.name}: ${v.why}`, { query: [[v.name, v.value]] }));
  }
  for (const h of shape.header) {
    // Header values are bytes of Latin-1: fetch refuses anything else before it is sent.
    const bad = textViolations(h.schema).filter((v) => /^[\x20-\x7e]*$/.test(v.value));
    if (bad.length) families.header = fc.tuple(fc.constantFrom(...bad), body).map(([v, json]) =>
      base('header', `header ${h.name}: ${v.why}`, { headers: { [h.name]: v.value }, json, body: json === undefined ? undefined : jsonBytes(json) }));
  }
  if (shape.body) {
    const schema = shape.body;
    families.body = fc.tuple(body, fc.nat()).map(([json, n]) => {
      const all = violations(doc, schema, json);
      const v = all[n % all.length];
      return base('body', v.why, { json: v.value, body: jsonBytes(v.value) });
    });
    families.json = fc.constantFrom(...MALFORMED_JSON).map((text) => base('json', `malformed JSON ${JSON.stringify(text)}`, { body: utf8(text) }));
    families.utf8 = fc.tuple(body, fc.constantFrom(...INVALID_UTF8)).map(([json, bytes]) => {
      const text = textField(schema);
      const value = text && json && typeof json === 'object' ? { ...(json as object), [text]: 'avant\u0001après' } : json;
      const raw = JSON.stringify(value ?? 'avant\u0001après');
      const [before, after] = raw.includes('\\u0001') ? raw.split('\\u0001') : [raw.slice(0, -1), raw.slice(-1)];
      return base('utf8', `invalid UTF-8 bytes ${bytes.map((b) => b.toString(16)).join(' ')} in ${text ?? 'the body'}`, {
        body: new Uint8Array([...utf8(before), ...bytes, ...utf8(after)]),
      });
    });
  }
  if (hasBody(shape)) {
    families.contentType = fc.tuple(fc.constantFrom(...WRONG_TYPES, ''), body).map(([type, json]) =>
      base('contentType', `Content-Type: ${type || '(none)'}`, { headers: { 'content-type': type }, body: jsonBytes(json ?? {}) }));
    families.size = fc.integer({ min: 65_537, max: 200_000 }).map((n) =>
      base('size', `a body of ${n} bytes`, { body: jsonBytes({ padding: 'x'.repeat(n) }) }));
  }
  if (shape.image) {
    const raw = (family: string) => ({ type, body, why }: { type: string; body: Uint8Array; why: string }) =>
      base(family, why, { headers: { 'content-type': type }, body });
    families.image = badImages(shape.image).map(raw('image'));
    const tooLarge = tooLargeImages(shape.image);
    if (tooLarge) families.size = tooLarge.map(raw('size'));
  }
  return families;
}

/** A top-level free-text property of the body, if it has one. */
function textField(schema: JsonSchema): string | undefined {
  return Object.entries(schema.properties ?? {}).find(([, s]) => typesOf(s).includes('string') && s.maxLength !== undefined && !s.format && !s.pattern && !s.enum)?.[0];
}

/** Base64url JSON cursors of every shape, and strings that are not cursors at all. */
const cursorValue = fc.oneof(
  fc.string({ maxLength: 20 }), fc.double(), fc.integer(), fc.constant(null), fc.uuid(), fc.constantFrom(...UNSTORABLE),
  fc.constantFrom('newest', 'nearest', 'ending_soon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000Z', '2026-13-45', '2026-06-01', 'abc'),
);
const base64url = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.base64String({ maxLength: 80 }),
  fc.array(cursorValue, { minLength: 1, maxLength: 5 }).map(base64url),
  // The shapes real cursors have (name and id, date and id, sort/key/id/fingerprint), wrong inside.
  fc.tuple(cursorValue, cursorValue).map(base64url),
  fc.tuple(fc.constantFrom('newest', 'nearest', 'ending_soon'), cursorValue, cursorValue, fc.string({ maxLength: 16 })).map(base64url),
);

export function plausibleParam(p: Param): fc.Arbitrary<string> {
  const s = p.schema;
  if (p.name === 'cursor') return forgedCursor;
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  if (typesOf(s).includes('integer')) return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 }).map(String);
  if (typesOf(s).includes('number')) return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true }).map(String);
  if (s.format === 'uuid') return fc.uuid();
  if (p.name === 'near') return fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })).map(([a, b]) => `${a.toFixed(4)},${b.toFixed(4)}`);
  const max = Math.min(s.maxLength ?? 60, 120);
  return fc.oneof(nastyText(0, max), fc.constantFrom(...UNSTORABLE, ...INJECTIONS).filter((v) => v.length <= max));
}

const PARAMETER_EXAMPLES = ['a\u0000b', '\uD800x', "' OR '1'='1", '<script>alert(1)</script>', '%00', 'é'.repeat(3)];
const CURSOR_EXAMPLES = [['abc', 'def'], ['a\u0000', '00000000-0000-4000-8000-000000000001'], ['2026-01-01T00:00:00.000Z', 'x'], ['newest', 'x', 'y', 'z'], [1, 2], ['ending_soon', '2026-02-30', '00000000-0000-4000-8000-000000000001', 'x']]
  .map((values) => base64url(values));

const IF_MATCH = ['"1"', '"2"', 'W/"1"', '*', '"abc"', '"99999999999"', '"1", "2"', 'W/"1", "x"', '1', '""', '"\u0021"'];

/** A request that follows the contract as far as the document says, with hostile text in it. */
export function plausibleRequest(doc: OpenApiDocument, shape: Shape, params: Record<string, string>): fc.Arbitrary<FuzzRequest> {
  const query = fc.subarray(shape.query).chain((chosen) => fc.tuple(...chosen.map((p) => plausibleParam(p).map((v) => [p.name, v] as [string, string]))));
  const ifMatch = shape.header.some((h) => h.name === 'if-match') ? fc.option(fc.oneof(fc.constantFrom(...IF_MATCH), fc.string({ unit: 'grapheme-ascii', maxLength: 30 }))) : fc.constant(null);
  const body = shape.body ? (shape.bodyRequired ? plausible(doc, shape.body) : fc.option(plausible(doc, shape.body))) : fc.constant(null);
  if (shape.image) {
    return fc.tuple(query, plausibleImages(shape.image)).map(([q, { type, body: bytes }]): FuzzRequest => ({
      family: 'plausible', why: `plausible ${type}`, params, query: q, headers: { 'content-type': type }, body: bytes, signed: true,
    }));
  }
  return fc.tuple(query, ifMatch, body).map(([q, tag, json]): FuzzRequest => ({
    family: 'plausible',
    why: 'plausible',
    params,
    query: q,
    headers: tag === null ? {} : { 'if-match': tag as string },
    json: json ?? undefined,
    body: json === null || json === undefined ? undefined : jsonBytes(json),
    signed: true,
  }));
}

/**
 * One query or header parameter at a time, with hostile values, so that every parameter
 * of every operation is reached even in a short run (in a request with many parameters,
 * the first refused one hides the others).
 */
export function parameterRequests(
  doc: OpenApiDocument,
  shape: Shape,
  params: Record<string, string>,
): Record<string, { requests: fc.Arbitrary<FuzzRequest>; examples: FuzzRequest[] }> {
  const body = shape.body ? plausible(doc, shape.body) : fc.constant(undefined);
  const out: Record<string, { requests: fc.Arbitrary<FuzzRequest>; examples: FuzzRequest[] }> = {};
  const inQuery = (name: string, value: string, json?: unknown): FuzzRequest => ({
    family: 'parameter', why: `query ${name}`, params, query: [[name, value]], headers: {}, signed: true,
    json, body: json === undefined ? undefined : jsonBytes(json),
  });
  for (const p of shape.query) {
    // Always tried, whatever the seed: the values that once reached PostgreSQL unchecked.
    const examples = (p.name === 'cursor' ? CURSOR_EXAMPLES : PARAMETER_EXAMPLES).map((v) => inQuery(p.name, v));
    out[`query ${p.name}`] = { requests: fc.tuple(plausibleParam(p), body).map(([value, json]) => inQuery(p.name, value, json)), examples };
  }
  for (const h of shape.header) {
    const values = h.name === 'if-match' ? fc.oneof(fc.constantFrom(...IF_MATCH), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })) : fc.string({ unit: 'grapheme-ascii', minLength: 0, maxLength: 300 });
    out[`header ${h.name}`] = {
      requests: fc.tuple(values, body).map(([value, json]): FuzzRequest => ({
        family: 'parameter', why: `header ${h.name}`, params, query: [], headers: { [h.name]: value }, signed: true,
        json, body: json === undefined ? undefined : jsonBytes(json),
      })),
      examples: [],
    };
  }
  return out;
}
