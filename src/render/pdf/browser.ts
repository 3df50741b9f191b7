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
    try {
      await close();
    } finally {
      // Chromium may still be flushing its profile as it exits.
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
