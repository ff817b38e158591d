import { defineConfig } from 'vitest/config';

// Lambda runs Node.js 22; this machine's Node 20 is intentional, so the SDK's notice is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Integration files that pause a shared emulator the whole project's files use. */
const ISOLATED = ['test/integration/idempotency-pause.test.ts'];

/**
 * Five projects: unit (no AWS), integration (handlers through the real SDK against the
 * emulators, started once per run by its global setup on free loopback ports), isolated (the
 * same, for files that pause an emulator: their own emulators), recovery (integration tests that
 * kill and pause the emulators, on a set of their own, one file at a time), e2e (the web portal
 * in headless Chromium against the same emulators) and cdk (template assertions and cdk-nag).
 * The projects run in groups, one group after another (`sequence.groupOrder`): unit and cdk, then
 * integration alone, then isolated and recovery, then e2e. On CI's two cores, four sets of
 * emulators, esbuild's bundling and Chromium at once pushed DynamoDB Local past the functions'
 * time bounds and fifty concurrent writers into 503s.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          env: { ALLOWED_ORIGINS: 'https://portal.example.gov' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          // DynamoDB Local shared by every file at once on two cores answers in seconds at times (decision 69).
          env: { SDK_TIMEOUT_SCALE: '4' },
          exclude: ISOLATED,
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/integration-setup.ts'],
        },
      },
      {
        // Integration files that pause DynamoDB Local: emulators of their own (this project's
        // global setup), so no other file's requests wait out the pause.
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
          sequence: { groupOrder: 2 },
          // Its files pause DynamoDB Local past the bounds AWS would have.
          env: { SDK_TIMEOUT_SCALE: '1' },
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/integration-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'recovery',
          include: ['test/recovery/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          // Its 4 s pauses are waited through, as the reliability table reports them.
          env: { SDK_TIMEOUT_SCALE: '4' },
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/integration-setup.ts'],
          // Each file kills emulators that every file of the project uses.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 3 },
          env: { SDK_TIMEOUT_SCALE: '4' },
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/integration-setup.ts'],
          // One browser at a time on this two-core machine.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'cdk',
          include: ['test/cdk/**/*.test.ts'],
          setupFiles: ['test/support/cdk-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
