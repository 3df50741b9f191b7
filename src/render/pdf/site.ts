import { mkdtempSync, rmSync } from 'node:fs';
import { watchdog } from '../../fs/watchdog.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { formatLong } from '../../dates/calendar.js';
import { meetingOutDir } from '../../output/paths.js';
import type { PdfBuildInput } from './input.js';
import { packPdf, type PdfAccessibility } from './pack.js';
import { Printer } from './print.js';
import { mapLimit } from './pool.js';
import { loadPdf } from './assemble.js';
import { finishPdf } from './finish.js';
import { fontFacesCss } from '../fonts.js';
import { stepDone } from '../../timing.js';

/** Every PDF for the chosen meetings, rendered in one shared browser: packs, supplementary packs and minutes. */
export async function renderPdfs(
  browser: Browser | PromiseLike<Browser>,
  input: PdfBuildInput,
  onAccessibility: (result: PdfAccessibility) => void = () => {},
  /** `preview`: for `serve`, without the PDF/UA-1 steps a reader cannot see (see PackPdfInput). */
  options: { preview?: boolean } = {},
): Promise<void> {
  const { model, audience } = input;
  const emit = (file: string, made: Uint8Array | { bytes: Uint8Array; accessibility: Omit<PdfAccessibility, 'file'> }) => {
    if (made instanceof Uint8Array) input.emit(file, made);
    else {
      input.emit(file, made.bytes);
      onAccessibility({ file, ...made.accessibility });
    }
  };
  // Pages are printed from a private folder and may load nothing outside it.
  const allowed = mkdtempSync(join(tmpdir(), 'boardpack-print-'));
  watchdog.path(allowed);
  // Printed pages carry their fonts with them, so a pack looks the same wherever it is built.
  const fontFaces = fontFacesCss(allowed);
  const render = (template: string, view: object) => input.render(template, { ...view, fontFaces });
  // As many prints at once as the build's jobs, packs and the pieces of long packs alike.
  const printer = new Printer(browser, allowed, input.jobs ?? 1);
  const suffix = audience === 'members' ? '.members' : '';
  const forMeeting = async (meeting: (typeof input.meetings)[number]) => {
    const dir = meetingOutDir(meeting);
    const committee = model.committees.find((c) => c.id === meeting.committee)!;
    const when = `${committee.name}, ${formatLong(meeting.date)}`;
    if (meeting.agenda && meeting.status !== 'cancelled') {
      const view = input.views.pack(meeting);
      stepDone(`papers rendered: ${dir}`);
      const mainPapers = view.papers.filter((p) => p.supplement === null);
      emit(
        `${dir}/agenda-pack${suffix}.pdf`,
        await packPdf(printer, {
          view: { ...view, papers: mainPapers, supplements: [] },
          render: (v) => render('agenda-pack', v),
          relDir: dir,
          title: `${when}: agenda pack`,
          subject: `Agenda and papers for the meeting of the ${committee.name} on ${formatLong(meeting.date)}`,
          date: meeting.published ?? meeting.date,
          preview: options.preview,
        }),
      );
      for (const supplement of view.supplements) {
        const papers = view.papers.filter((p) => p.supplement === supplement.number);
        const published = meeting.supplements.find((s) => s.supplement === supplement.number)?.published;
        emit(
          `${dir}/agenda-pack.supplement-${supplement.number}${suffix}.pdf`,
          await packPdf(printer, {
            // Its own publication date and reason for urgency, and only the items it adds to.
            view: {
              ...view,
              meeting: { ...view.meeting, published: supplement.published },
              urgency: supplement.urgency,
              items: supplement.items,
              agendaNotes: [],
              supplements: [],
              papers,
              supplementOnly: supplement.number,
            },
            render: (v) => render('agenda-pack', v),
            relDir: dir,
            title: `${when}: supplementary agenda ${supplement.number}`,
            subject: `Supplementary agenda ${supplement.number} for the meeting of the ${committee.name} on ${formatLong(meeting.date)}`,
            date: published ?? meeting.published ?? meeting.date,
            preview: options.preview,
          }),
        );
      }
    }
    if (meeting.minutes) {
      // Bookmarks from the minutes' headings: the meeting, then each minute.
      const doc = await loadPdf(await printer.print(render('minutes', input.views.minutes(meeting)), dir, undefined, true));
      const total = doc.getPageCount();
      const { bytes, faults } = await finishPdf(doc, {
        printedFrom: { allowed, relDir: dir },
        known: options.preview ? null : 'now',
        firstNumbered: 0,
        pageLabel: (n) => `Page ${n} of ${total}`,
        metadata: {
          title: `${when}: minutes`,
          author: model.config.organisation,
          subject: `Minutes of the meeting of the ${committee.name} held on ${formatLong(meeting.date)}`,
          language: model.config.locale,
          date: meeting.date,
        },
      });
      emit(`${dir}/minutes.pdf`, { bytes, accessibility: { faults, untagged: [] } });
    }
  };
  /** A page of the site printed whole, finished as the minutes are (its headings are its bookmarks). */
  const forDocument = async (document: NonNullable<PdfBuildInput['documents']>[number]) => {
    const relDir = document.file.slice(0, document.file.lastIndexOf('/'));
    const doc = await loadPdf(await printer.print(render(document.template, document.view), relDir, undefined, true));
    const total = doc.getPageCount();
    const { bytes, faults } = await finishPdf(doc, {
      printedFrom: { allowed, relDir },
      known: options.preview ? null : 'now',
      firstNumbered: 0,
      pageLabel: (n) => `Page ${n} of ${total}`,
      metadata: { title: document.title, author: model.config.organisation, subject: document.subject, language: model.config.locale, date: document.date },
    });
    emit(document.file, { bytes, accessibility: { faults, untagged: [] } });
  };
  try {
    // Meetings are built a few at a time; their prints share the printer's tabs.
    let done = 0;
    await mapLimit(input.meetings, input.jobs ?? 1, async (meeting) => {
      await forMeeting(meeting);
      input.onProgress?.(++done, input.meetings.length, meeting.id);
    });
    await mapLimit(input.documents ?? [], input.jobs ?? 1, forDocument);
  } finally {
    // The tabs close in the background; nothing waits for them, and the browser closes any still open when it closes.
    void printer.close();
    rmSync(allowed, { recursive: true, force: true });
    watchdog.pathGone(allowed);
  }
}
