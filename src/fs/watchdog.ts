import { spawn, type ChildProcess } from 'node:child_process';

/*
 * What a command leaves behind if it dies at any moment, even by SIGKILL, is
 * cleaned up by a small watchdog process. The command tells it, line by line
 * on a pipe, what it has started (Chromium's process group) and made
 * (profile, print and staging folders, an output folder half swapped). When
 * the pipe closes, because the command ended however it ended, the watchdog
 * kills what is still registered, puts back an output folder whose swap was
 * cut short, and removes what is still registered. A command that ends
 * normally has unregistered everything by then, and the watchdog just exits.
 */
const SOURCE = String.raw`
const fs = require('fs');
const pids = new Set();
const paths = new Set();
const swaps = new Map();
const marks = new Set();
let buffer = '';
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.on('SIGHUP', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let end;
  while ((end = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, end);
    buffer = buffer.slice(end + 1);
    try {
      const m = JSON.parse(line);
      if (m.op === 'pid') pids.add(m.value);
      else if (m.op === 'unpid') pids.delete(m.value);
      else if (m.op === 'path') paths.add(m.value);
      else if (m.op === 'unpath') paths.delete(m.value);
      else if (m.op === 'mark') marks.add(m.value);
      else if (m.op === 'unmark') marks.delete(m.value);
      else if (m.op === 'swap') swaps.set(m.target, m.old);
      else if (m.op === 'swapped') swaps.delete(m.target);
    } catch {}
  }
});
let done = false;
const cleanUp = () => {
  if (done) return;
  done = true;
  // A process still starting has no known pid yet: it is found by a mark in its command line (Linux).
  if (marks.size) {
    try {
      for (const name of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const line = fs.readFileSync('/proc/' + name + '/cmdline', 'utf8');
          for (const mark of marks) if (line.includes(mark)) pids.add(Number(name));
        } catch {}
      }
    } catch {}
  }
  for (const pid of pids) {
    try { process.kill(-pid, 'SIGKILL'); } catch {}
    try { process.kill(pid, 'SIGKILL'); } catch {}
  }
  for (const [target, old] of swaps) {
    try { if (!fs.existsSync(target) && old && fs.existsSync(old)) fs.renameSync(old, target); } catch {}
  }
  // A process just killed, or one outside the group still exiting, may write
  // into a folder as it is removed: try again until it is gone, for a while.
  const end = Date.now() + 10000;
  const remove = () => {
    for (const path of paths) {
      try { fs.rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }); } catch {}
      if (!fs.existsSync(path)) paths.delete(path);
    }
    if (paths.size && Date.now() < end) setTimeout(remove, 200);
    else process.exit(0);
  };
  setTimeout(remove, pids.size ? 300 : 0);
};
process.stdin.on('end', cleanUp);
process.stdin.on('error', cleanUp);
process.stdin.on('close', cleanUp);
`;

let child: ChildProcess | null = null;

function send(message: object): void {
  if (!child) {
    child = spawn(process.execPath, ['-e', SOURCE], { stdio: ['pipe', 'ignore', 'ignore'], detached: true, windowsHide: true });
    child.on('error', () => {
      child = null;
    });
    child.unref();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    child.stdin!.on('error', () => {});
  }
  child.stdin!.write(`${JSON.stringify(message)}\n`);
}

/** The watchdog's process id, for tests. */
export function watchdogPid(): number | undefined {
  return child?.pid;
}

export const watchdog = {
  /** A process (and its group) to kill if this one dies first. */
  process: (pid: number | undefined) => pid && send({ op: 'pid', value: pid }),
  processEnded: (pid: number | undefined) => pid && child && send({ op: 'unpid', value: pid }),
  /** Processes whose command line holds this text, to kill if this one dies first (Linux; for a process still starting). */
  mark: (text: string) => send({ op: 'mark', value: text }),
  unmark: (text: string) => child && send({ op: 'unmark', value: text }),
  /** A temporary file or folder to remove if this process dies first. */
  path: (path: string) => send({ op: 'path', value: path }),
  pathGone: (path: string) => child && send({ op: 'unpath', value: path }),
  /** An output folder about to be moved aside to `old` for its replacement: put back if the swap is cut short. */
  swap: (target: string, old: string | null) => send({ op: 'swap', target, old }),
  swapped: (target: string) => child && send({ op: 'swapped', target }),
};
