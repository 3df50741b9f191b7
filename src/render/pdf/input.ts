import type { Emit, Progress } from '../../output/emit.js';
import type { Problems } from '../../parse/problems.js';
import type { Audience, BytesOf, PublishedView, ViewMeeting } from '../../publish/types.js';

/*
 * What the PDF renderer is given: the published view, the pages' renderer,
 * and each meeting's pack and minutes as the pages show them. It declares
 * here what it reads of a pack, so that it needs nothing of the HTML
 * renderer's code; the build (src/build/) hands it the HTML renderer's views.
 */

export interface PrintedLink {
  href: string | null;
  text: string;
  /** A PDF of the meeting the link merges into the pack, with its bytes. */
  file: string | null;
  bytes: BytesOf | null;
  pages: string | null;
}

export interface PrintedItem {
  number: number;
  title: string;
  links: PrintedLink[];
}

export interface PrintedAppendix {
  anchor: string;
  title: string;
  withheld: boolean;
  notForPublication: boolean;
  html: string | null;
  /** The PDF appendix's name beside the pack, when it is a PDF. */
  pdf: string | null;
  file: string | null;
  bytes: BytesOf | null;
}

export interface PrintedPaper {
  anchor: string;
  item: number;
  supplement: number | null;
  title: string;
  withheld: boolean;
  notForPublication: boolean;
  html: string | null;
  appendices: PrintedAppendix[];
}

export interface PrintedSupplement {
  number: number | null;
  published: string | null;
  urgency: string | null;
  items: PrintedItem[];
}

/** A pack as the agenda-pack template takes it: what the PDF reads of it, and the rest for the template. */
export interface PrintedPack {
  lang: string;
  organisation: string;
  meeting: { published: string | null };
  items: PrintedItem[];
  papers: PrintedPaper[];
  supplements: PrintedSupplement[];
  [forTheTemplate: string]: unknown;
}

/** A meeting's pack and minutes, rendered once for every output that shows them. */
export interface PrintViews {
  pack(meeting: ViewMeeting): PrintedPack;
  minutes(meeting: ViewMeeting): object;
}

export interface PdfBuildInput {
  model: PublishedView;
  meetings: ViewMeeting[];
  audience: Audience;
  render: (template: string, view: object) => string;
  views: PrintViews;
  problems: Problems;
  /** How many prints at once: packs, or pieces of a long pack. */
  jobs?: number;
  onProgress?: Progress;
  /** Takes each PDF as it is made. */
  emit: Emit;
  /** Documents of the site printed whole, beside their pages: each edition of an executive's forward plan. */
  documents?: PrintedDocument[];
}

/** A page of the site printed as a tagged PDF of its own. */
export interface PrintedDocument {
  /** Where the PDF goes in the output. */
  file: string;
  template: string;
  /** The page's view, without the site's navigation. */
  view: object;
  title: string;
  subject: string;
  /** Its publication day. */
  date: string;
}

/** Renders PDFs for the chosen meetings; injected into the build, so that a build of HTML never loads a browser. */
export type PdfRenderer = (input: PdfBuildInput) => Promise<void>;
