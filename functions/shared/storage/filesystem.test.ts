// The folder store `npm start` uses: round trip, replace, delete, missing objects, keys.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesystemObjectStore } from './filesystem';

const root = mkdtempSync(join(tmpdir(), 'soliterr-objects-'));
const store = new FilesystemObjectStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('FilesystemObjectStore', () => {
  it('keeps the bytes and the content type, and replaces them', async () => {
    await store.put('territories/t1/logo-1', new Uint8Array([1, 2, 3]), 'image/png');
    expect(await store.get('territories/t1/logo-1')).toEqual({ body: new Uint8Array([1, 2, 3]), contentType: 'image/png' });
    await store.put('territories/t1/logo-1', new Uint8Array([4]), 'image/webp');
    expect(await store.get('territories/t1/logo-1')).toEqual({ body: new Uint8Array([4]), contentType: 'image/webp' });
    // No temporary file is left behind.
    expect(readdirSync(join(root, 'territories/t1')).sort()).toEqual(['logo-1', 'logo-1.type']);
  });

  it('answers null for a missing object and deletes idempotently', async () => {
    expect(await store.get('territories/t2/logo-1')).toBeNull();
    await store.put('territories/t2/logo-1', new Uint8Array([9]), 'image/jpeg');
    await store.delete('territories/t2/logo-1');
    await store.delete('territories/t2/logo-1');
    expect(await store.get('territories/t2/logo-1')).toBeNull();
  });

  it('refuses keys that would leave its folder', async () => {
    await expect(store.put('../escape', new Uint8Array([1]), 'image/png')).rejects.toThrow('Invalid object key');
    await expect(store.get('a/../../b')).rejects.toThrow('Invalid object key');
  });
});
