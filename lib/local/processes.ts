import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback, or `preferred` when it is free. */
export const freePort = (preferred = 0): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === 'EADDRINUSE') resolve(freePort(0));
      else reject(error);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Last lines of output, shown when the process fails to start. */
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Spawns a child that is stopped with SIGTERM (then SIGKILL) and whose output is kept for errors. */
export const startProcess = (
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions & { echo?: boolean } = {},
): ManagedProcess => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    lines.push(...text.split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
    if (options.echo)
      process.stdout.write(
        text
          .split('\n')
          .filter(Boolean)
          .map((l) => `[${name}] ${l}\n`)
          .join(''),
      );
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    child,
    output: () => lines.slice(-30).join('\n'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
};

/** Polls `probe` until it resolves true; fails with the process's output after `timeoutMs`. */
export const waitUntil = async (
  proc: ManagedProcess,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode}:\n${proc.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${proc.name} did not become ready within ${timeoutMs / 1000} s:\n${proc.output()}`);
};
