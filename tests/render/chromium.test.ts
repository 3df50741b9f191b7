import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/render/chromium.js';

describe('finding the system Chromium', () => {
  it('uses the path the environment names', () => {
    expect(findChromium({ BOARDPACK_CHROMIUM: process.execPath }, [])).toBe(process.execPath);
    expect(() => findChromium({ BOARDPACK_CHROMIUM: '/no/such/chromium' }, [])).toThrow(
      'BOARDPACK_CHROMIUM names /no/such/chromium, which does not exist',
    );
  });

  it('prefers the first of the usual paths that exists', () => {
    expect(findChromium({}, ['/no/such/headless-shell', process.execPath])).toBe(process.execPath);
  });

  it('says how to install one, and which variable points at it, when there is none', () => {
    expect(() => findChromium({}, ['/no/such/chromium'])).toThrow(
      'No Chromium found. Install one with "apt-get install chromium" (Debian), or set BOARDPACK_CHROMIUM to the path of a Chromium or Chrome executable.',
    );
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
