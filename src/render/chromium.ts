import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export const CHROMIUM_ENV = 'BOARDPACK_CHROMIUM';

export class BrowserNotFound extends Error {}

/** What the search may look at; tests fake it to stand for another system. */
export interface BrowserSystem {
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

const HERE: BrowserSystem = { platform: process.platform, exists: existsSync };

/** Executable names looked for on the PATH, after the standard places (Linux and macOS). */
const ON_PATH = ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

/**
 * The standard places of a Chromium-family browser (Chromium, Chrome, Edge) on each system,
 * best first: the headless shell where there is one (it starts faster), then the browsers.
 */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
      (r): r is string => Boolean(r),
    );
    const found: string[] = [];
    for (const app of [['Google', 'Chrome', 'Application', 'chrome.exe'], ['Microsoft', 'Edge', 'Application', 'msedge.exe'], ['Chromium', 'Application', 'chrome.exe']]) {
      for (const root of roots) found.push(win32.join(root, ...app));
    }
    return found;
  }
  const path = (env.PATH ?? '').split(':').filter(Boolean);
  const onPath = path.flatMap((dir) => ON_PATH.map((name) => posix.join(dir, name)));
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    const folders = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return [...folders.flatMap((folder) => apps.map((app) => posix.join(folder, app))), ...onPath];
  }
  return [
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
    ...onPath,
  ];
}

/** What to install, said for the user's own system. */
function installAdvice(platform: NodeJS.Platform): string {
  const set = `or set ${CHROMIUM_ENV} to the path of a Chromium, Chrome or Edge executable`;
  if (platform === 'win32') {
    return `No Chromium-family browser found (looked for Chrome, Edge and Chromium in Program Files and AppData). Install Google Chrome or Microsoft Edge, ${set} (such as C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe).`;
  }
  if (platform === 'darwin') {
    return `No Chromium-family browser found (looked for Chrome, Chromium and Edge in /Applications and ~/Applications). Install Google Chrome, or Chromium with "brew install --cask chromium", ${set}.`;
  }
  return `No Chromium found. Install one with "apt-get install chromium" (Debian, Ubuntu) or "dnf install chromium" (Fedora), ${set}.`;
}

/** The system browser to drive; boardpack never downloads a browser of its own. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, system: BrowserSystem = HERE): string {
  const named = env[CHROMIUM_ENV] ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (named) {
    if (system.exists(named)) return named;
    throw new BrowserNotFound(`${env[CHROMIUM_ENV] ? CHROMIUM_ENV : 'PUPPETEER_EXECUTABLE_PATH'} names ${named}, which does not exist`);
  }
  const found = browserCandidates(system.platform, env).find((path) => system.exists(path));
  if (found) return found;
  throw new BrowserNotFound(installAdvice(system.platform));
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
