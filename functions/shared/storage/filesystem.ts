// Object storage in a folder (default `$DATA_DIR/objects`): what `npm start` and the
// tests use, so a logo works with only Node. The content type is kept beside the bytes.
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { assertValidKey, type ObjectStore, type StoredObject } from './store';

export class FilesystemObjectStore implements ObjectStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertValidKey(key);
    return join(this.root, key);
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name then renamed: a reader never sees half a file.
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(`${temporary}.type`, contentType);
    await writeFile(temporary, body);
    await rename(`${temporary}.type`, `${path}.type`);
    await rename(temporary, path);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.path(key);
    try {
      const [body, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { body: new Uint8Array(body), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    await rm(path, { force: true });
    await rm(`${path}.type`, { force: true });
  }
}
