// Handler modules read their configuration at import; the cdk project imports them to check
// that each exports `handler`, so it gives them placeholder values (nothing is called).
Object.assign(process.env, {
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'unused',
  USER_POOL_ID: 'unused',
  USER_POOL_CLIENT_ID: 'unused',
  STAFF_USER_POOL_ID: 'unused',
  STAFF_USER_POOL_CLIENT_ID: 'unused',
  USER_POOL_KEYS_URL: 'https://unused.example.com/keys',
  STAFF_USER_POOL_KEYS_URL: 'https://unused.example.com/keys',
  SENDER_ADDRESS: 'unused@example.com',
  EMAIL_CONFIGURATION_SET: 'unused',
  PORTAL_URL: 'https://unused.example.com',
  PROGRAM_EMAIL: 'unused@example.com',
  ALLOWED_ORIGINS: 'https://unused.example.com',
  EXPORTS_BUCKET: 'unused',
  AUDIT_ARCHIVE_BUCKET: 'unused',
});
