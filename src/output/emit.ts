import type { Audience } from '../publish/types.js';

/** Takes one output as soon as it is made: its path inside the output folder, with `/`, and its content. */
export type Emit = (file: string, data: string | Uint8Array) => void;

/** Told as each meeting's outputs are done. */
export type Progress = (done: number, total: number, what: string) => void;

/** What a build makes of the site, for every page, calendar and feed to agree on. */
export interface SiteBuild {
  audience: Audience;
  /** Whether the build makes PDFs. */
  pdf: boolean;
  /** The site's address, where boardpack.yml gives one and the build is the public's: calendars, feeds and open data are made. */
  baseUrl: string | null;
  /** Whether the build makes the search page and index. */
  search: boolean;
  /** The day upcoming meetings are counted from. */
  asOf: string;
  /** Whether the site has members' pages (the content keeps members' files), for its navigation to link them. */
  members?: boolean;
}
