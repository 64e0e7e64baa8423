// The S3 store against a mocked S3 client (aws-sdk-client-mock): the commands it sends
// and how it reads the answers, including the "no such object" cases.
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3ObjectStore, s3Client } from './s3';

const s3 = mockClient(S3Client);
const store = new S3ObjectStore(new S3Client({ region: 'fr-par' }), 'soliterr-logos');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeEach(() => s3.reset());

describe('S3ObjectStore', () => {
  it('puts the bytes with their content type in the bucket', async () => {
    s3.on(PutObjectCommand).resolves({});
    await store.put('territories/t1/logo-1', png, 'image/png');
    const calls = s3.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({ Bucket: 'soliterr-logos', Key: 'territories/t1/logo-1', Body: png, ContentType: 'image/png' });
  });

  it('gets the bytes and the content type back', async () => {
    s3.on(GetObjectCommand, { Bucket: 'soliterr-logos', Key: 'territories/t1/logo-1' }).resolves({
      // The SDK's streaming body, reduced to the one method the store calls.
      Body: { transformToByteArray: async () => png } as never,
      ContentType: 'image/png',
    });
    const object = await store.get('territories/t1/logo-1');
    expect(object?.contentType).toBe('image/png');
    expect(Array.from(object?.body ?? [])).toEqual(Array.from(png));
  });

  it('answers null for a missing object (NoSuchKey or a bare 404)', async () => {
    s3.on(GetObjectCommand, { Key: 'territories/t1/none' }).rejects(new NoSuchKey({ message: 'missing', $metadata: {} }));
    s3.on(GetObjectCommand, { Key: 'territories/t1/gone' }).rejects(
      new S3ServiceException({ name: 'NotFound', $fault: 'client', message: 'not found', $metadata: { httpStatusCode: 404 } }),
    );
    expect(await store.get('territories/t1/none')).toBeNull();
    expect(await store.get('territories/t1/gone')).toBeNull();
  });

  it('lets other failures through (a denied bucket is not "no logo")', async () => {
    s3.on(GetObjectCommand).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'denied', $metadata: { httpStatusCode: 403 } }));
    await expect(store.get('territories/t1/logo-1')).rejects.toThrow('denied');
  });

  it('deletes by key', async () => {
    s3.on(DeleteObjectCommand).resolves({});
    await store.delete('territories/t1/logo-1');
    expect(s3.commandCalls(DeleteObjectCommand)[0].args[0].input).toEqual({ Bucket: 'soliterr-logos', Key: 'territories/t1/logo-1' });
  });

  it('builds its client from the dynamically imported SDK, the very module the mock patches', async () => {
    s3.on(PutObjectCommand).resolves({});
    const client = await s3Client({ region: 'fr-par', bucket: 'soliterr-logos', forcePathStyle: true, accessKeyId: 'id', secretAccessKey: 'secret' });
    expect(client).toBeInstanceOf(S3Client);
    await new S3ObjectStore(Promise.resolve(client), 'soliterr-logos').put('territories/t1/logo-2', png, 'image/png');
    expect(s3.commandCalls(PutObjectCommand)[0].args[0].input.Key).toBe('territories/t1/logo-2');
  });

  it('refuses a key that could leave its prefix, before calling S3', async () => {
    await expect(store.put('../secrets', png, 'image/png')).rejects.toThrow('Invalid object key');
    await expect(store.get('/etc/passwd')).rejects.toThrow('Invalid object key');
    expect(s3.calls()).toHaveLength(0);
  });
});
