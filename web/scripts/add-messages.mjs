// Adds messages to web/messages/fr.json and en.json in one quick read-modify-write, so
// several people can add keys at the same time without overwriting each other.
//   node web/scripts/add-messages.mjs part.json     part.json: { "key": { "fr": "…", "en": "…" } }
// A key that exists already is replaced (say so in the commit); keys keep their order.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const part = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const locale of ['fr', 'en']) {
  const file = fileURLToPath(new URL(`../messages/${locale}.json`, import.meta.url));
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, texts] of Object.entries(part)) {
    if (typeof texts[locale] !== 'string') throw new Error(`${key}: no ${locale} text`);
    messages[key] = texts[locale];
  }
  writeFileSync(`${file}.tmp`, `${JSON.stringify(messages, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
console.log(`added ${Object.keys(part).length} messages`);
