import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { portOwnership } from '../../lib/local/port-owner.ts';

const LISTEN = `const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterEach(() => {
  // Each child leads its own process group: the shell's node goes with it.
  for (const child of children.splice(0)) process.kill(-(child.pid as number), 'SIGKILL');
  for (const server of servers.splice(0)) server.close();
});

/** Starts `command` (which prints the port it listens on) and answers its pid and port. */
const listener = (command: string, args: string[]) =>
  new Promise<{ pid: number; port: number }>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    children.push(child);
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => resolve({ pid: child.pid as number, port: Number(String(chunk)) }));
  });

const ownServer = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });

describe('portOwnership', () => {
  it('is ours when the child listens on the port', async () => {
    const { pid, port } = await listener(process.execPath, ['-e', LISTEN]);
    expect(portOwnership(pid, port)).toBe('ours');
  });

  it("is ours when a descendant of the child listens (a shell's node)", async () => {
    const { pid, port } = await listener('sh', ['-c', `"${process.execPath}" -e "${LISTEN.replaceAll('"', '\\"')}"`]);
    expect(portOwnership(pid, port)).toBe('ours');
  });

  it('is foreign when another process answers on the port', async () => {
    const { pid } = await listener(process.execPath, ['-e', LISTEN]);
    expect(portOwnership(pid, await ownServer())).toBe('foreign');
  });

  it('is foreign when nobody listens on the port', async () => {
    const { pid } = await listener(process.execPath, ['-e', LISTEN]);
    const port = await ownServer();
    for (const server of servers.splice(0)) server.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(portOwnership(pid, port)).toBe('foreign');
  });
});
