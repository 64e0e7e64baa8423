// Object storage through the S3 API (@aws-sdk/client-s3). Works with any S3-compatible
// service; S3_FORCE_PATH_STYLE for those that do not serve bucket sub-domains (MinIO, Garage).
//
// The SDK is imported dynamically, never statically: it weighs ~600 KiB minified, and only
// processes started with OBJECT_STORAGE=s3 need it (s3-sdk.ts). The function bundles are split
// (infra/build/bundle.ts), so it sits in a chunk that the other processes never load.
import type { S3Client } from '@aws-sdk/client-s3';
import { assertValidKey, type ObjectStore, type StoredObject } from './store';

const sdk = () => import('./s3-sdk');

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export async function s3Client(settings: S3Settings): Promise<S3Client> {
  const { S3Client } = await sdk();
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    // Without explicit keys the SDK's own chain applies (environment, instance role…).
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
  });
}

export class S3ObjectStore implements ObjectStore {
  private readonly client: Promise<S3Client>;

  /** The client, or its promise (s3Client), so the store can be made synchronously. */
  constructor(
    client: S3Client | Promise<S3Client>,
    private readonly bucket: string,
  ) {
    this.client = Promise.resolve(client);
    // A failed load is reported by the first call that awaits it, not as an unhandled rejection.
    this.client.catch(() => {});
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    assertValidKey(key);
    const [{ PutObjectCommand }, client] = await Promise.all([sdk(), this.client]);
    await client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    const [{ GetObjectCommand, NoSuchKey, S3ServiceException }, client] = await Promise.all([sdk(), this.client]);
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!answer.Body) return null;
      const body = await answer.Body.transformToByteArray();
      return { body, contentType: answer.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      // Some S3-compatible services answer a bare 404 instead of NoSuchKey.
      if (error instanceof NoSuchKey) return null;
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    const [{ DeleteObjectCommand }, client] = await Promise.all([sdk(), this.client]);
    await client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
