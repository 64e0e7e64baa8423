// The object store the configuration asks for (OBJECT_STORAGE in functions/shared/config.ts).
import { join } from 'node:path';
import type { Config } from '../config';
import { FilesystemObjectStore } from './filesystem';
import { S3ObjectStore, s3Client } from './s3';
import type { ObjectStore } from './store';

export type { ObjectStore, StoredObject } from './store';
export { FilesystemObjectStore } from './filesystem';
export { S3ObjectStore, s3Client } from './s3';

export function createObjectStore(config: Config): ObjectStore {
  if (config.OBJECT_STORAGE === 's3') {
    if (!config.S3_BUCKET) throw new Error('OBJECT_STORAGE=s3 needs S3_BUCKET');
    const client = s3Client({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
    return new S3ObjectStore(client, config.S3_BUCKET);
  }
  return new FilesystemObjectStore(config.OBJECTS_DIR ?? join(config.DATA_DIR, 'objects'));
}

const stores = new WeakMap<Config, ObjectStore>();

/** One store per configuration (per process), made the first time a handler needs it. */
export function objectStoreOf(config: Config): ObjectStore {
  let store = stores.get(config);
  if (!store) stores.set(config, (store = createObjectStore(config)));
  return store;
}
