import { existsSync } from 'node:fs';

/** Where Debian and other systems put Chromium; the environment can name another. */
const CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const CHROMIUM_ENV = 'BOARDPACK_CHROMIUM';

export class BrowserNotFound extends Error {}

/** The system Chromium to drive; boardpack never downloads a browser of its own. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CANDIDATES): string {
  const named = env[CHROMIUM_ENV] ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (named) {
    if (existsSync(named)) return named;
    throw new BrowserNotFound(`${CHROMIUM_ENV} names ${named}, which does not exist`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new BrowserNotFound(
    `No Chromium found. Install one with "apt-get install chromium" (Debian), or set ${CHROMIUM_ENV} to the path of a Chromium or Chrome executable.`,
  );
}

/** Flags for a headless browser on a closed network, with nothing kept between runs. */
export function chromiumArgs(userDataDir: string): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${userDataDir}`,
  ];
}
