import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../chromium.js';
import { stepDone } from '../../timing.js';
import { watchdog } from '../../fs/watchdog.js';

/**
 * A fresh, empty folder for Chromium's profile. It is thrown away after the
 * build, so it is kept in memory (/dev/shm) where the system has that: on a
 * disk, removing the two hundred files Chromium writes takes a tenth of a second.
 */
function freshProfile(): string {
  try {
    return mkdtempSync('/dev/shm/boardpack-chromium-');
  } catch {
    return mkdtempSync(join(tmpdir(), 'boardpack-chromium-'));
  }
}

/** Whether any process of the group led by `pid` is still running (POSIX). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** End every process of the group led by `pid` at once (POSIX). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* the group is gone */
  }
}

/** Wait a little for the rest of Chromium's process group to exit, then kill what remains. */
async function endGroup(pid: number | undefined): Promise<void> {
  if (!pid || process.platform === 'win32') return;
  for (let i = 0; i < 20 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  killGroup(pid);
}

/**
 * Start the system Chromium for one build. Its profile is a fresh folder,
 * removed when the browser closes; the browser closes on Ctrl-C too.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  const profile = freshProfile();
  // Should boardpack die however it dies, Chromium and its profile go too.
  watchdog.path(profile);
  watchdog.mark(`--user-data-dir=${profile}`);
  stepDone('browser starting');
  let browser: Browser;
  try {
    // Chromium's own temporary files go inside its profile, so that they go with it.
    const tmp = join(profile, 'tmp');
    mkdirSync(tmp);
    browser = await puppeteer.launch({
      executablePath,
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      args: chromiumArgs(profile),
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    // A browser that never started leaves no profile behind.
    rmSync(profile, { recursive: true, force: true });
    watchdog.unmark(`--user-data-dir=${profile}`);
    watchdog.pathGone(profile);
    throw error;
  }
  const pid = browser.process()?.pid;
  watchdog.process(pid);
  stepDone('browser started');
  const stop = (signal: NodeJS.Signals) => {
    void browser.close().finally(() => process.kill(process.pid, signal));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    let killed = false;
    try {
      const child = browser.process();
      if (pid && child && process.platform !== 'win32') {
        // The profile is thrown away, so there is nothing for Chromium to save on the way out: its whole process
        // group is ended at once (a killed process runs no more of its code, so writes nothing more into the
        // profile), rather than waiting the half second a graceful close takes. Its helpers, orphaned, may stay
        // a while as zombies, which hold nothing.
        await browser.disconnect().catch(() => {});
        const exited = child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null;
        killGroup(pid);
        killed = true;
        if (exited) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
          clearTimeout(timer);
        }
      } else await close();
    } finally {
      // Helper processes of Chromium's group may outlive a graceful close for a moment and
      // write into the profile: end them before it is removed.
      if (!killed) await endGroup(pid);
      watchdog.processEnded(pid);
      watchdog.unmark(`--user-data-dir=${profile}`);
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
        watchdog.pathGone(profile);
      } catch {
        /* a leftover temporary profile is not worth failing a build for; the watchdog tries again */
      }
    }
  };
  return browser;
}
