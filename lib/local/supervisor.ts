/**
 * Keeps one emulator running: when its process dies (a crash, an OOM kill, a SIGKILL from a test),
 * it is started again on the same port with the same data folder after a backoff, and what the
 * emulator kept only in memory is put back (`recover`) before it counts as up. A paused process
 * (SIGSTOP) is alive and left alone: only death is repaired. Says what happens in the terminal.
 */
import { createServer } from 'node:net';
import type { ManagedProcess } from './processes.ts';
import { portOwnership } from './port-owner.ts';

/** The emulator's port answered, but from another process: ours could not bind it. */
export class PortTaken extends Error {
  constructor(
    readonly emulator: string,
    readonly port: number,
  ) {
    super(`${emulator}'s port ${port} is held by another process (another npm start?)`);
  }
}

export type SupervisedState = 'starting' | 'up' | 'restarting' | 'stopped';

export interface SupervisorProps {
  readonly name: string;
  /**
   * The port it serves on: once `ready` answers, the process listening there must be this one (or
   * its child), else the launch fails with `PortTaken`. Unchecked where the system cannot say.
   */
  readonly port?: number;
  /** Spawns the process (each call a fresh one, on the same port and data). */
  readonly spawn: () => ManagedProcess;
  /** True once the process serves requests. */
  readonly ready: () => Promise<boolean>;
  /** Puts back what a restarted process lost; answers what it did, for the terminal. */
  readonly recover?: () => Promise<string>;
  readonly log: (line: string) => void;
  /** Called after every change of state or process (the emulators' state file follows it). */
  readonly onChange?: () => void;
  /** First wait before a restart (default 250 ms); doubled for each restart that did not stay up. */
  readonly initialBackoffMs?: number;
  /** Longest wait between restarts (default 30 s). */
  readonly maxBackoffMs?: number;
  /** Up this long, a process counts as healthy again and the backoff starts over (default 30 s). */
  readonly stableMs?: number;
  /** How long a (re)started process has to answer `ready` (default 60 s). */
  readonly readyTimeoutMs?: number;
}

export interface Supervised {
  readonly name: string;
  /** The running process's id (it changes with each restart). */
  pid(): number | undefined;
  state(): SupervisedState;
  /** Restarts so far. */
  restarts(): number;
  /** Resolves when the process is up (at once if it is): after a restart, once `recover` has run. */
  whenUp(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether something listens on the loopback port (a bind of it fails). */
const portBusy = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });

const exited = (proc: ManagedProcess) => proc.child.exitCode !== null || proc.child.signalCode !== null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `props.spawn()` and keeps it running; resolves once it first answers `ready`. */
export const supervise = async (props: SupervisorProps): Promise<Supervised> => {
  const initial = props.initialBackoffMs ?? 250;
  const max = props.maxBackoffMs ?? 30_000;
  const stableMs = props.stableMs ?? 30_000;
  const readyTimeoutMs = props.readyTimeoutMs ?? 60_000;
  const say = (line: string) => props.log(`[supervisor] ${props.name} ${line}`);
  let proc: ManagedProcess | undefined;
  let state: SupervisedState = 'starting';
  let restarts = 0;
  /** Restarts in a row that did not stay up `stableMs`: the exponent of the backoff. */
  let failures = 0;
  let upSince = 0;
  let waiters: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  /** Read through a call: a stop may come while a restart awaits. */
  const stopped = () => state === 'stopped';

  const setState = (next: SupervisedState) => {
    state = next;
    if (next === 'up') for (const resolve of waiters.splice(0)) resolve();
    props.onChange?.();
  };

  /** Starts one process and waits for it to serve; throws if it dies or stays silent first. */
  const launch = async (): Promise<ManagedProcess> => {
    const started = props.spawn();
    proc = started;
    props.onChange?.();
    const deadline = Date.now() + readyTimeoutMs;
    while (!(await props.ready().catch(() => false))) {
      if (exited(started)) {
        // It could not bind its port: someone else holds it.
        if (props.port !== undefined && (await portBusy(props.port))) throw new PortTaken(props.name, props.port);
        throw new Error(
          `exited (${started.child.signalCode ?? `code ${started.child.exitCode}`}):\n${started.output()}`,
        );
      }
      if (Date.now() > deadline) {
        await started.stop();
        throw new Error(`did not answer within ${readyTimeoutMs / 1000} s:\n${started.output()}`);
      }
      await sleep(100);
    }
    if (props.port !== undefined && started.child.pid !== undefined) {
      // Whoever answered, it must be ours: a process that lost the port to another answers nothing.
      if (portOwnership(started.child.pid, props.port) === 'foreign') {
        await started.stop();
        throw new PortTaken(props.name, props.port);
      }
    }
    started.child.once('exit', (code, signal) => void onExit(started, signal ?? `code ${code}`));
    return started;
  };

  const onExit = async (dead: ManagedProcess, how: string) => {
    // While starting or restarting, the launch in progress sees the death itself.
    if (state !== 'up' || dead !== proc) return;
    if (Date.now() - upSince >= stableMs) failures = 0;
    setState('restarting');
    const wait = Math.min(initial * 2 ** failures, max);
    say(`died (${how}); restarting it in ${wait} ms (restart ${restarts + 1})`);
    timer = setTimeout(() => void restart(), wait);
  };

  const restart = async () => {
    if (stopped()) return;
    restarts += 1;
    failures += 1;
    const began = Date.now();
    try {
      await launch();
      if (stopped()) return;
      const recovered = props.recover ? `; ${await props.recover()}` : '';
      if (proc && exited(proc)) throw new Error('died again while its state was put back');
      upSince = Date.now();
      say(`is back after ${((Date.now() - began) / 1000).toFixed(1)} s (pid ${proc?.child.pid})${recovered}`);
      setState('up');
    } catch (error) {
      if (stopped()) return;
      const wait = Math.min(initial * 2 ** failures, max);
      say(`restart ${restarts} failed (${(error as Error).message.split('\n')[0]}); trying again in ${wait} ms`);
      // Its own exit handler is not attached yet: schedule the next try here.
      timer = setTimeout(() => void restart(), wait);
    }
  };

  await launch();
  upSince = Date.now();
  setState('up');
  return {
    name: props.name,
    pid: () => proc?.child.pid,
    state: () => state,
    restarts: () => restarts,
    whenUp: () => (state === 'up' ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    stop: async () => {
      setState('stopped');
      clearTimeout(timer);
      for (const resolve of waiters.splice(0)) resolve();
      waiters = [];
      await proc?.stop();
    },
  };
};
