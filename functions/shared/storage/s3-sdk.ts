// The part of @aws-sdk/client-s3 the S3 store uses, loaded only through `import('./s3-sdk')`
// (s3.ts). The SDK is CommonJS: importing it dynamically from a bundle directly would give
// only a `default` export; re-exported from this ES module, its names come through.
export { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
