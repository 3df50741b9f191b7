import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/render/chromium.js';

describe('finding the system Chromium', () => {
  /** A system with only these files. */
  const only = (platform: NodeJS.Platform, ...files: string[]) => ({ platform, exists: (p: string) => files.includes(p) });

  it('uses the path the environment names', () => {
    expect(findChromium({ BOARDPACK_CHROMIUM: process.execPath }, only('linux', process.execPath))).toBe(process.execPath);
    expect(() => findChromium({ BOARDPACK_CHROMIUM: '/no/such/chromium' }, only('linux', '/usr/bin/chromium'))).toThrow(
      'BOARDPACK_CHROMIUM names /no/such/chromium, which does not exist',
    );
  });

  it('on Linux, prefers the headless shell, then Chromium, Chrome and Edge at their places, then the PATH', () => {
    expect(findChromium({}, only('linux', '/usr/bin/chromium', '/usr/bin/chromium-headless-shell'))).toBe('/usr/bin/chromium-headless-shell');
    expect(findChromium({}, only('linux', '/usr/bin/google-chrome-stable'))).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({}, only('linux', '/opt/microsoft/msedge/msedge'))).toBe('/opt/microsoft/msedge/msedge');
    expect(findChromium({ PATH: '/nix/bin:/home/c/bin' }, only('linux', '/home/c/bin/chromium'))).toBe('/home/c/bin/chromium');
  });

  it('on macOS, finds Chrome, Chromium and Edge in /Applications and ~/Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Users/clerk/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findChromium({ HOME: '/Users/clerk' }, only('darwin', chrome, edge))).toBe(chrome);
    expect(findChromium({ HOME: '/Users/clerk' }, only('darwin', edge))).toBe(edge);
    expect(findChromium({ PATH: '/opt/homebrew/bin' }, only('darwin', '/opt/homebrew/bin/chromium'))).toBe('/opt/homebrew/bin/chromium');
    // Linux's places mean nothing there.
    expect(() => findChromium({}, only('darwin', '/usr/bin/chromium'))).toThrow(/brew install --cask chromium/);
  });

  it('on Windows, finds Chrome, Edge and Chromium in Program Files and the user’s AppData', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Users\\clerk\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(env, only('win32', edge))).toBe(edge);
    expect(findChromium(env, only('win32', edge, chrome))).toBe(chrome); // Chrome before Edge
    expect(findChromium({}, only('win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'))).toBe(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('says what to install on the user’s own system, and which variable points at a browser, when there is none', () => {
    expect(() => findChromium({}, only('linux'))).toThrow(
      'No Chromium found. Install one with "apt-get install chromium" (Debian, Ubuntu) or "dnf install chromium" (Fedora), or set BOARDPACK_CHROMIUM to the path of a Chromium, Chrome or Edge executable.',
    );
    expect(() => findChromium({}, only('win32'))).toThrow(/Install Google Chrome or Microsoft Edge, or set BOARDPACK_CHROMIUM/);
    expect(() => findChromium({}, only('darwin'))).toThrow(/Install Google Chrome, or Chromium with "brew install --cask chromium"/);
  });

  it('launches headless on a closed network, with a fresh profile', () => {
    expect(chromiumArgs('/tmp/profile')).toEqual([
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--user-data-dir=/tmp/profile',
    ]);
  });
});
