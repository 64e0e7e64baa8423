// What the functions need from object storage: put, get and delete small objects (a
// territory's logo) by key. Two implementations: S3 (any S3 API: Scaleway, OVHcloud,
// Garage, MinIO…) for deployments, and a folder under DATA_DIR for `npm start`.

export interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

export interface ObjectStore {
  /** Writes (or replaces) the object. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none under this key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are built by the functions (e.g. `territories/<uuid>/logo-<n>`), never taken from
 * a request; this check is a backstop so a bug cannot reach outside the folder or bucket.
 */
export function assertValidKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i.test(key) || key.includes('..') || key.length > 512) {
    throw new Error(`Invalid object key: ${JSON.stringify(key)}`);
  }
}
