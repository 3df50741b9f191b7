import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolder, REPO, SAMPLE } from '../helpers.js';

/** The process ids whose parent chain leads to `ancestor`, and each one's command line. */
function descendants(ancestor: number): { pid: number; cmdline: string }[] {
  const parents = new Map<number, number>();
  const lines = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      lines.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      /* gone */
    }
  }
  const found: { pid: number; cmdline: string }[] = [];
  for (const [pid] of parents) {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === ancestor) {
        found.push({ pid, cmdline: lines.get(pid) ?? '' });
        break;
      }
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return condition();
}

/** A copy of the sample, a private TMPDIR and an output folder beside it. */
function setUp() {
  const base = contentFolder({});
  const root = join(base, 'content');
  cpSync(SAMPLE, root, { recursive: true });
  const tmp = join(base, 'tmp');
  mkdirSync(tmp);
  return { base, root, tmp, out: join(base, 'out') };
}

function start(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, [join(REPO, 'bin/boardpack'), ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

const leftovers = (base: string, tmp: string) => [
  ...readdirSync(base).filter((n) => n.includes('boardpack-staging') || n.includes('boardpack-old')),
  ...readdirSync(tmp),
];

describe('an interrupted build leaves nothing behind', () => {
  for (const signal of ['SIGKILL', 'SIGINT'] as const) {
    it(`${signal} while Chromium runs: no Chromium, profile, staging or print folder is left`, async () => {
      const { base, root, tmp, out } = setUp();
      const child = start(['build', root, '--format', 'pdf', '--out', out], { TMPDIR: tmp });
      // Wait for Chromium to be started (for SIGINT, as early as it shows).
      let chromium: { pid: number; cmdline: string }[] = [];
      const started = await until(() => {
        chromium = descendants(child.pid!).filter((p) => p.cmdline.includes('--user-data-dir='));
        return chromium.length > 0 && (signal === 'SIGINT' || readdirSync(base).some((n) => n.includes('boardpack-staging')) || chromium.length > 3);
      }, 30_000);
      expect(started).toBe(true);
      const profile = /--user-data-dir=(\S+)/.exec(chromium[0].cmdline)![1];
      const pids = descendants(child.pid!).map((p) => p.pid);
      child.kill(signal);
      await new Promise((r) => child.once('exit', r));
      expect(await until(() => pids.every((pid) => !alive(pid)), 10_000), 'every Chromium process ended').toBe(true);
      expect(await until(() => !existsSync(profile) && leftovers(base, tmp).length === 0, 10_000), `left: ${leftovers(base, tmp)}`).toBe(true);
      expect(existsSync(out)).toBe(false);
    }, 60_000);
  }

  it('a process killed in the middle of swapping the output folder in: the old build is put back whole', async () => {
    const { base, root, tmp, out } = setUp();
    mkdirSync(out);
    writeFileSync(join(out, '.boardpack-build.json'), '{"generator":"boardpack","audience":"public"}\n');
    writeFileSync(join(out, 'index.html'), 'the old build');
    const child = start(['build', root, '--out', out], { TMPDIR: tmp, BOARDPACK_TEST_DIE_MID_SWAP: '1' });
    const code = await new Promise((r) => child.once('exit', (_c, s) => r(s)));
    expect(code).toBe('SIGKILL');
    expect(await until(() => existsSync(out) && leftovers(base, tmp).length === 0, 10_000)).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old build');
    expect(readdirSync(out).sort()).toEqual(['.boardpack-build.json', 'index.html']);
  }, 60_000);
});
