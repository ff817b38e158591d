/**
 * Whose is the listener on a loopback port? Two `npm start`s (two clones on one machine) each pick
 * free ports and start their emulators on them; between the pick and the emulator's bind another
 * process can take the port, and then our emulator exits while its readiness probe is answered by
 * the other one, so the portal would quietly talk to someone else's database. The check below asks
 * the operating system who listens: on Linux, the listening sockets' inodes in /proc/net/tcp{,6}
 * against the open sockets of our child and its descendants; elsewhere, `lsof`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** `unknown` when the system cannot say (no /proc and no lsof): callers go on, saying so. */
export type PortOwnership = 'ours' | 'foreign' | 'unknown';

const readOr = (path: string, fallback = ''): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
};

const listOr = (path: string): string[] => {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
};

/** The process and every descendant (Linux: each task's `children` file). */
const processTree = (pid: number): number[] => {
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    tree.push(next);
    for (const task of listOr(`/proc/${next}/task`))
      for (const child of readOr(`/proc/${next}/task/${task}/children`).split(' ').filter(Boolean))
        queue.push(Number(child));
  }
  return tree;
};

/** Inodes of the sockets listening (state 0A) on `port` on any local address, IPv4 and IPv6. */
const listeningInodes = (port: number): Set<string> => {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
    for (const line of readOr(table).split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== '0A') continue;
      if (fields[1]?.split(':').pop() === hex) inodes.add(fields[9] as string);
    }
  return inodes;
};

const linuxOwnership = (pid: number, port: number): PortOwnership => {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return 'foreign';
  for (const member of processTree(pid))
    for (const fd of listOr(`/proc/${member}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${member}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return 'ours';
    }
  return 'foreign';
};

const lsofOwnership = (pid: number, port: number): PortOwnership => {
  let listeners: number[];
  let children: number[];
  try {
    const out = execFileSync('lsof', ['-nP', '-t', `-iTCP:${port}`, '-sTCP:LISTEN'], { encoding: 'utf8' });
    listeners = out.split('\n').filter(Boolean).map(Number);
  } catch (error) {
    // lsof exits 1 when nothing listens; anything else (not installed) means we cannot tell.
    if ((error as { status?: number }).status === 1) return 'foreign';
    return 'unknown';
  }
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    children = [];
  }
  return listeners.some((l) => l === pid || children.includes(l)) ? 'ours' : 'foreign';
};

/** Whether the process `pid` (or one of its descendants) is the one listening on `port`. */
export const portOwnership = (pid: number, port: number): PortOwnership =>
  process.platform === 'linux' && readOr('/proc/net/tcp', '') !== ''
    ? linuxOwnership(pid, port)
    : lsofOwnership(pid, port);
