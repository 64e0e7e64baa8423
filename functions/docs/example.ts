// A starting request body for the "Essayer" form, derived from the JSON Schema of the
// operation: explicit examples and defaults first, then a plausible value per type.
type Schema = Record<string, unknown>;

const STRING_BY_FORMAT: Record<string, string> = {
  email: 'camille.martin@example.fr',
  uuid: '00000000-0000-4000-8000-000000000000',
  'date-time': '2026-01-15T09:00:00.000Z',
  date: '2026-01-15',
  uri: 'https://example.fr',
  url: 'https://example.fr',
};

const MAX_DEPTH = 6;

export function exampleOf(schema: unknown, schemas: Record<string, unknown> = {}, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return null;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    return exampleOf(schemas[s.$ref.replace('#/components/schemas/', '')], schemas, depth + 1);
  }
  if ('example' in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const choices = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(choices)) {
    const first = choices.find((c) => c.type !== 'null') ?? choices[0];
    return exampleOf(first, schemas, depth + 1);
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...s.allOf.map((part) => exampleOf(part, schemas, depth + 1) ?? {}));
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return objectExample(s, schemas, depth);
    case 'array':
      return [exampleOf(s.items, schemas, depth + 1)];
    case 'string':
      return STRING_BY_FORMAT[String(s.format)] ?? (typeof s.minLength === 'number' ? 'x'.repeat(s.minLength) : '');
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return false;
    default:
      return s.properties ? objectExample(s, schemas, depth) : null;
  }
}

/** Required properties only, so partial updates start small; all of them if none is required. */
function objectExample(s: Schema, schemas: Record<string, unknown>, depth: number): Record<string, unknown> {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(s.required) && s.required.length > 0 ? (s.required as string[]) : Object.keys(properties);
  return Object.fromEntries(
    required.filter((name) => name in properties).map((name) => [name, exampleOf(properties[name], schemas, depth + 1)]),
  );
}
