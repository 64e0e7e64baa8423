import { describe, expect, it } from 'vitest';
import { Password, requiredText, text } from './common';
import { Website } from './organisations';

describe('text from people', () => {
  it('keeps every script, emoji and mark as written', () => {
    for (const s of ['Cœur de Bigorre', '👩‍👩‍👧‍👦 🏳️‍🌈', 'e\u0301', '\u202Eabc', '𝄞 𠜎', "'; DROP TABLE listings; --"]) {
      expect(text(100).parse(s)).toBe(s);
    }
  });

  it('refuses lone surrogates, which UTF-8 cannot carry (they were stored as U+FFFD)', () => {
    for (const s of ['\uD800', 'abc\uDBFF', '\uDC00x', 'a\uDFFFb']) {
      expect(text(100).safeParse(s).success, JSON.stringify(s)).toBe(false);
      expect(requiredText(100).safeParse(s).success, JSON.stringify(s)).toBe(false);
      expect(Password.safeParse(`mot de passe ${s}`).success, JSON.stringify(s)).toBe(false);
      expect(Website.safeParse(`https://example.fr/${s}`).success, JSON.stringify(s)).toBe(false);
    }
  });
});
