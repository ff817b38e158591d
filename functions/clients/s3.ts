import { S3Client } from '@aws-sdk/client-s3';

// Found through AWS_ENDPOINT_URL_S3 locally: an address by IP, which the SDK reaches path-style
// (`http://127.0.0.1:4568/<bucket>/<key>`) with no setting of ours.
export const s3 = new S3Client({});
