/**
 * Two `npm start`s on one machine (two clones) never share an emulator (issue 19 item 7). Each
 * picks free ports, and one taken between the pick and the emulator's start (by the other
 * instance, or anything) must not leave the portal talking to someone else's server: here a
 * foreign HTTP server takes the SES emulator's port the moment it is picked and answers every
 * probe 200. The supervisor sees that the process answering is not its child, and the emulators
 * start again on fresh ports, each its own.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Processes from '../../lib/local/processes.ts';

const state = vi.hoisted(() => ({ take: -1, foreign: [] as Server[], requests: 0 }));

// The race made certain: the port asked for is taken by a foreign server right after it was found free.
vi.mock('../../lib/local/processes.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Processes>();
  return {
    ...real,
    freePort: async (preferred = 0) => {
      const port = await real.freePort(preferred);
      if (preferred !== 0 && port === state.take && state.foreign.length === 0) {
        const server = createServer((_req, res) => {
          state.requests += 1;
          res.end('{}');
        });
        state.foreign.push(server);
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      }
      return port;
    },
  };
});

// The project's setup loaded the local modules already: load them again, through the mock.
vi.resetModules();
const { startEmulators } = await import('../../lib/local/emulators.ts');
const { freePort } = await import('../../lib/local/processes.ts');
const { portOwnership } = await import('../../lib/local/port-owner.ts');

const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-port-taken-'));
let stop = async () => {};
afterAll(async () => {
  await stop();
  for (const server of state.foreign) server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an emulator port taken between the pick and the start', () => {
  it('is noticed, and every emulator ends on a port of its own', async () => {
    state.take = await freePort();
    const said: string[] = [];
    const emulators = await startEmulators({
      dataDir,
      persist: false,
      ports: { ses: state.take },
      log: (line) => said.push(line),
    });
    stop = emulators.stop;
    expect(said.join('\n')).toContain(`ses's port ${state.take} is held by another process`);
    const sesPort = Number(new URL(emulators.sesEndpoint).port);
    expect(sesPort).not.toBe(state.take);
    for (const [name, endpoint] of [
      ['dynamodb', emulators.dynamodbEndpoint],
      ['cognito', emulators.cognitoEndpoint],
      ['ses', emulators.sesEndpoint],
      ['s3', emulators.s3Endpoint],
    ] as const) {
      const pid = emulators.supervised[name].pid() as number;
      expect(portOwnership(pid, Number(new URL(endpoint).port)), name).toBe('ours');
    }
    // Nothing of the first attempt is left running: the only processes working in the data folder
    // are the supervised ones (an emulator still starting when another's port was found taken
    // used to outlive the attempt).
    if (process.platform === 'linux') {
      const ours = new Set(Object.values(emulators.supervised).map((s) => s.pid()));
      const inDataDir = readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .filter((pid) => {
          try {
            return readlinkSync(`/proc/${pid}/cwd`).startsWith(dataDir);
          } catch {
            return false;
          }
        })
        .map(Number);
      expect(inDataDir.filter((pid) => !ours.has(pid))).toEqual([]);
    }
    // The foreign server still holds its port and was never the portal's SES.
    const before = state.requests;
    expect((await fetch(`${emulators.sesEndpoint}/health-check`)).status).toBe(200);
    expect(state.requests).toBe(before);
  }, 240_000);
});
