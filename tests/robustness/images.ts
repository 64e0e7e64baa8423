// Operations whose body is an image (a territory's logo: `image/*` request content in the
// document) rather than JSON: bytes that are not what their type says, SVG, bodies over
// the schema's maxLength — and, as plausible requests, real image signatures.
import fc from 'fast-check';
import type { JsonSchema } from './schema';

export interface ImageBody {
  types: string[];
  /** The byte limit the document states (maxLength of the binary schema). */
  maxBytes?: number;
}

const text = (s: string) => new TextEncoder().encode(s);
const SIGNATURES: Record<string, Uint8Array> = {
  'image/png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  'image/webp': text('RIFF\x10\x00\x00\x00WEBPVP8 '),
};
const SVG = text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

/** The image body of an operation, when the document gives it one. */
export function imageBodyOf(content: Record<string, { schema?: unknown }> | undefined): ImageBody | undefined {
  const types = Object.keys(content ?? {}).filter((t) => t.startsWith('image/'));
  if (!types.length) return undefined;
  return { types, maxBytes: (content![types[0]].schema as JsonSchema | undefined)?.maxLength };
}

/** `size` bytes that start with the signature of `type` (or nothing known). */
function imageOf(type: string, size: number, fill = 0x20): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set((SIGNATURES[type] ?? new Uint8Array()).subarray(0, size));
  return bytes;
}

/** Requests the operation must refuse: [content type, bytes, why]. */
export function badImages(image: ImageBody): fc.Arbitrary<{ type: string; body: Uint8Array; why: string }> {
  const [first] = image.types;
  const cases: { type: string; body: Uint8Array; why: string }[] = [
    { type: 'image/svg+xml', body: SVG, why: 'SVG (may carry scripts)' },
    { type: first, body: SVG, why: `SVG bytes sent as ${first}` },
    { type: 'image/gif', body: text('GIF89a\x01\x00\x01\x00'), why: 'a type the operation does not take' },
    { type: first, body: new Uint8Array(), why: 'no bytes at all' },
    { type: 'text/html', body: text('<html><script>alert(1)</script></html>'), why: 'HTML' },
    ...image.types.map((type) => ({ type, body: imageOf(image.types.find((t) => t !== type) ?? 'none', 64), why: `other bytes than ${type}` })),
  ];
  return fc.constantFrom(...cases);
}

/** Over the stated limit, with a valid signature so the size is what is refused. */
export function tooLargeImages(image: ImageBody): fc.Arbitrary<{ type: string; body: Uint8Array; why: string }> | undefined {
  if (!image.maxBytes) return undefined;
  const max = image.maxBytes;
  return fc.tuple(fc.constantFrom(...image.types), fc.integer({ min: max + 1, max: max + 100_000 })).map(([type, n]) => ({
    type, body: imageOf(type, n), why: `an image of ${n} bytes (limit ${max})`,
  }));
}

/** Real signatures followed by arbitrary bytes: accepted or refused, never a 5xx. */
export function plausibleImages(image: ImageBody): fc.Arbitrary<{ type: string; body: Uint8Array }> {
  return fc.tuple(fc.constantFrom(...image.types), fc.uint8Array({ maxLength: 2048 })).map(([type, rest]) => {
    const signature = SIGNATURES[type] ?? new Uint8Array();
    return { type, body: new Uint8Array([...signature, ...rest]) };
  });
}
