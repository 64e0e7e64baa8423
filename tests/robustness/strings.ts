// The strings people and attackers actually send: every Unicode plane, right-to-left and
// zero-width marks, combining characters, emoji sequences, controls, NUL, lone
// surrogates, SQL and HTML injections, format strings — and a clean subset that the API
// must store and give back exactly.
import fc from 'fast-check';

export const INJECTIONS = [
  "'; DROP TABLE listings; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  "$$; reset role; $$",
  "\\'; set role postgres; --",
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '%s%n%x%d',
  '../../etc/passwd',
  'app.territory_id',
  "set_config('app.user_id', '', false)",
  '\\u0000',
  '%00',
];

/** Characters that break naive code but are valid text. */
const EDGES = [
  '\u202E', '\u202D', '\u200F', '\u200E', '\u2066', '\u2069', // bidi controls
  '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', // zero-width
  'e\u0301', 'a\u0308\u0323', 'Z\u0335\u0336\u0337', // combining
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇫🇷', '𝄞', '𠜎', // astral and sequences
  '\u00A0', '\u2028', '\u2029', '\u3000', // unusual spaces and separators
  '\u0001', '\u001B[31m', '\u007F', '\u0085', '\u009F', '\r\n', '\t', // controls
  '\uE000', '\uFFFD', '\uFFFE', '\uFFFF', '\u{10FFFF}', '\u{E0001}', // private use, noncharacters
  'ﬁ', 'İ', 'ß', 'Σς', 'ǅ', // case-mapping traps
  'Cœur de Bigorre', 'Lannemezan', 'mécénat', // ordinary French
  '"', "'", '\\', '`', '<', '>', '&', '%', '_', '*', '$1', // quoting and pattern characters
];

/** Never storable: PostgreSQL refuses NUL, UTF-8 cannot carry a lone surrogate. */
export const UNSTORABLE = ['\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uDBFF', '\uDC00y'];

const piece = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 3 },
  { arbitrary: fc.constantFrom(...EDGES), weight: 4 },
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 2 },
);

/** Any text, storable or not (NUL and lone surrogates included now and then). */
export function nastyText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(piece, { maxLength: 8 }), fc.option(fc.constantFrom(...UNSTORABLE), { freq: 6 }), fc.nat())
    .map(([pieces, bad, at]) => {
      const parts = [...pieces];
      if (bad !== null) parts.splice(at % (parts.length + 1), 0, bad);
      return parts.join('');
    })
    .map((s) => fit(s, min, max));
}

/** Text the API must accept and give back byte for byte: well formed, no NUL, no outer spaces. */
export function storableText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .array(piece, { minLength: 1, maxLength: 10 })
    .map((pieces) => pieces.join('').replaceAll('\u0000', '').trim())
    .map((s) => fit(s, min, max).trim())
    .filter((s) => s.length >= min && wellFormed(s) && !s.includes('\u0000'));
}

/** No lone surrogate (a paired one is one code point to a /u regex, so it does not match). */
export const wellFormed = (s: string) => !/\p{Cs}/u.test(s);

/** Cuts or pads to [min, max] UTF-16 units without splitting a surrogate pair. */
function fit(s: string, min: number, max: number): string {
  let out = s;
  while (out.length > max) out = [...out].slice(0, -1).join('');
  while (out.length < min) out += 'é';
  return out;
}

export const invalidUuids = [
  'not-a-uuid', '', '00000000-0000-0000-0000-00000000000', 'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz',
  "00000000-0000-4000-8000-000000000000' OR '1'='1", '{00000000-0000-4000-8000-000000000000}', '0'.repeat(32),
];

export const invalidEmails = ['pas-une-adresse', '@example.fr', 'a@', 'a b@example.fr', 'a@@example.fr', `${'a'.repeat(250)}@example.fr`, 'a@example.fr\u0000', "a'--@example.fr;drop"];

/** Strings that a pattern refuses (checked against the pattern itself). */
export function notInPattern(pattern: string): string[] {
  const re = new RegExp(pattern);
  return ['', 'A', 'Ünïcode', 'with space', "x' or 1=1", '../..', '-x-', 'x'.repeat(200), 'x'.repeat(300), '%00', '\u202Eabc', '😀😀😀😀😀']
    .filter((v) => !re.test(v));
}
