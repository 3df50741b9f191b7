import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ICAL from 'ical.js';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';
import { buildSample, filesUnder, page, select, selectAll, text } from '../render/site.js';

/*
 * The published site read as a resident, a calendar app, a feed reader and
 * an open-data user would: every link resolves, every PDF is on its meeting's
 * page, calendars and feeds parse with independent parsers, the open data
 * validates against the schema published beside it.
 */

let out: string;
let htmlOnly: string;
beforeAll(async () => {
  out = await buildSample('--format', 'all');
  htmlOnly = await buildSample();
}, 240_000);

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Every link and resource reference of every HTML page, with the page it is on. */
function links(dir: string): { from: string; href: string }[] {
  return filesUnder(dir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((from) => {
      const tree = page(dir, from);
      return [...selectAll('a[href]', tree), ...selectAll('link[href]', tree)].map((a) => ({ from, href: String(a.properties.href) }));
    });
}

describe('page titles (WCAG 2.4.2)', () => {
  it('every page of the sample has a title of its own, saying what it is, which committee and which day', () => {
    const pages = filesUnder(htmlOnly).filter((f) => f.endsWith('.html'));
    const titles = new Map(pages.map((f) => [f, text(page(htmlOnly, f), 'title')[0]]));
    const seen = new Map<string, string>();
    for (const [file, title] of titles) {
      expect(title, file).toMatch(/ - Wyndmoor Borough Council$/);
      expect(seen.get(title), `${file} has the title of ${seen.get(title)}: ${title}`).toBeUndefined();
      seen.set(title, file);
    }
    expect(titles.get('resources-scrutiny-panel/2026-03-10/agenda-pack.html')).toBe('Agenda pack: Resources Scrutiny Panel, Tuesday 10 March 2026 - Wyndmoor Borough Council');
    expect(titles.get('resources-scrutiny-panel/2026-03-10/minutes.html')).toBe('Minutes: Resources Scrutiny Panel, Tuesday 10 March 2026 - Wyndmoor Borough Council');
    expect(titles.get('resources-scrutiny-panel/2026-03-10/index.html')).toBe('Resources Scrutiny Panel, Tuesday 10 March 2026 - Wyndmoor Borough Council');
    const years = pages.filter((f) => /^archive-\d{4}-\d{2}\.html$/.test(f));
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(titles.get(year)).toMatch(/^Meetings in \d{4}\/\d{2} - /);
  });
});

describe('the site’s links', () => {
  it('all resolve, to a file the build wrote and an id on that page, in a build with PDFs and in one without', () => {
    for (const dir of [out, htmlOnly]) {
      const all = links(dir);
      expect(all.length).toBeGreaterThan(300);
      const broken = all.filter(({ from, href }) => {
        if (/^(https?:|mailto:)/.test(href)) return false;
        const [path, fragment] = href.split('#');
        const target = path === '' ? from : posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(path)));
        if (!existsSync(join(dir, target))) return true;
        if (fragment && target.endsWith('.html')) return !select(`[id="${fragment}"]`, page(dir, target));
        return false;
      });
      expect(broken).toEqual([]);
    }
  });

  it('give every page the site’s navigation, and every page below the front page a breadcrumb back to it', () => {
    for (const file of filesUnder(out).filter((f) => f.endsWith('.html'))) {
      const tree = page(out, file);
      expect(text(tree, 'nav.site-nav a'), file).toEqual(['Home', 'Archive', 'Members', 'Search']);
      if (file !== 'index.html') expect(text(tree, 'nav.breadcrumb li')[0], file).toBe('Home');
    }
    const pack = page(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.html');
    expect(text(pack, 'nav.breadcrumb li')).toEqual(['Home', 'Resources Scrutiny Panel', 'Tuesday 10 March 2026', 'Agenda pack']);
    // A pack's and minutes' page lead back to their meeting and to their PDF.
    expect(selectAll('.document-links a', pack).map((a) => a.properties.href)).toEqual(['index.html', 'agenda-pack.pdf']);
    const minutes = page(out, 'resources-scrutiny-panel/2026-03-10/minutes.html');
    expect(selectAll('.document-links a', minutes).map((a) => a.properties.href)).toEqual(['index.html', 'minutes.pdf']);
  });

  it('link every PDF the build wrote from its meeting’s page, with its size', () => {
    const all = filesUnder(out).filter((f) => f.endsWith('.pdf'));
    // The forward plan's editions are linked from their own pages, each edition's PDF from its page.
    const editions = all.filter((f) => f.includes('/forward-plan/'));
    expect(editions.length).toBe(9);
    for (const pdf of editions) expect(selectAll('a', page(out, pdf.replace(/\.pdf$/, '.html'))).map((a) => a.properties.href), pdf).toContain(posix.basename(pdf));
    // The register of members' interests, from its page.
    expect(selectAll('a', page(out, 'members/register-of-interests.html')).map((a) => a.properties.href)).toContain('register-of-interests.pdf');
    const pdfs = all.filter((f) => !editions.includes(f) && f !== 'members/register-of-interests.pdf');
    expect(pdfs.length).toBeGreaterThan(10);
    for (const pdf of pdfs) {
      const meetingPage = `${posix.dirname(pdf)}/index.html`;
      const row = selectAll('table.documents tr', page(out, meetingPage)).find((tr) => selectAll('a', tr).some((a) => a.properties.href === posix.basename(pdf)));
      expect(row, pdf).toBeDefined();
      const size = readFileSync(join(out, pdf)).byteLength;
      expect(text(row!, 'td.size')[0], pdf).toBe(size < 1_000_000 ? `${Math.round(size / 1000)} KB` : `${(size / 1_000_000).toFixed(1)} MB`);
    }
  });

  it('name no PDF in a build that made none', () => {
    const all = links(htmlOnly);
    const built = new Set(filesUnder(htmlOnly));
    expect(all.filter(({ href }) => href.split('#')[0].endsWith('.pdf')).every(({ from, href }) => built.has(posix.join(posix.dirname(from), href.split('#')[0])))).toBe(true);
    expect(text(page(htmlOnly, 'resources-scrutiny-panel/2026-03-10/index.html'), 'table.documents td.format')).toEqual(['HTML', 'HTML']);
  });
});

describe('a meeting’s page', () => {
  it('says when and where, lists its documents and its agenda with each item’s papers', () => {
    const t = page(out, 'resources-scrutiny-panel/2026-03-10/index.html');
    expect(text(t, 'h1')).toEqual(['Resources Scrutiny Panel Tuesday 10 March 2026']);
    expect(text(t, '.facts dt')).toEqual(['Date', 'Time', 'Venue', 'Status', 'Agenda published', 'Committee']);
    expect(text(t, '.facts dd').slice(0, 4)).toEqual(['Tuesday 10 March 2026', '6.00 pm', 'Committee Room 2, Wyndmoor Town Hall, Church Street, Wyndmoor WY1 2AB', 'Held']);
    expect(text(t, 'table.documents td:first-child')).toEqual(['Agenda pack', 'Agenda pack (PDF)', 'Supplementary agenda 1 (PDF)', 'Minutes', 'Minutes (PDF)']);
    const papers = selectAll('.item-papers a', t).map((a) => String(a.properties.href));
    expect(papers).toContain('agenda-pack.html#paper-fees-and-charges');
    expect(text(t, '.document-links a')).toEqual(['Add this meeting to your calendar', 'Subscribe to the Resources Scrutiny Panel calendar']);
  });

  it('describes itself as a schema.org Event', () => {
    const t = page(out, 'resources-scrutiny-panel/2026-03-10/index.html');
    const json = JSON.parse(text(t, 'script[type="application/ld+json"]')[0]);
    expect(json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      startDate: '2026-03-10T18:00:00Z',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: 'Committee Room 2, Wyndmoor Town Hall, Church Street, Wyndmoor WY1 2AB' },
      url: 'https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/index.html',
    });
  });
});

describe('a committee’s page and the archive', () => {
  it('give the committee’s purpose, members with roles, meetings to come first, then every meeting by municipal year', () => {
    const t = page(out, 'resources-scrutiny-panel/index.html');
    expect(text(t, 'h1')).toEqual(['Resources Scrutiny Panel']);
    expect(text(t, '.purpose')[0]).toMatch(/^Scrutinises the council's finances/);
    expect(text(t, '.membership li')[0]).toBe('Councillor Helen Ashworth (Chair)');
    expect(text(t, 'h2')).toEqual(['Membership', 'Upcoming meetings', 'Meetings by municipal year']);
    expect(text(t, 'h3')).toEqual(['2026/27', '2025/26']);
    expect(text(selectAll('.meeting-list', t)[0], 'li > a')).toEqual(['Tuesday 8 December 2026']);
  });

  it('lists each municipal year, and each year its meetings by committee', () => {
    expect(text(page(out, 'archive.html'), '.archive-years li')).toEqual(['2026/27 (6 meetings)', '2025/26 (6 meetings)']);
    const year = page(out, 'archive-2025-26.html');
    expect(text(year, 'h2')).toEqual(['Cabinet', 'Council', 'Improvement and Assurance Board', 'Resources Scrutiny Panel']);
  });
});

describe('calendars', () => {
  const events = (file: string) => {
    const calendar = new ICAL.Component(ICAL.parse(read(out, file)));
    // The zone as the calendar itself describes it (its VTIMEZONE), for the reader to turn local times into UTC.
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  };

  it('parse with an independent reader, each meeting with a stable UID, its time in the council’s zone, place, page and status', () => {
    const all = events('calendar.ics').filter((e) => !e.uid.startsWith('call-in-'));
    const committee = events('resources-scrutiny-panel/calendar.ics');
    expect(all.length).toBe(12);
    expect(committee.map((e) => e.startDate.toString())).toEqual([
      '2026-01-13T18:00:00',
      '2026-03-10T18:00:00',
      '2026-06-16T18:00:00',
      '2026-09-15T18:00:00',
      '2026-12-08T18:00:00',
    ]);
    const march = committee[1];
    expect(march.uid).toBe('resources-scrutiny-panel-2026-03-10@democracy.wyndmoor.example');
    expect(march.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
    // Summer time: 18:00 in London is 17:00 UTC.
    expect(committee[2].startDate.toJSDate().toISOString()).toBe('2026-06-16T17:00:00.000Z');
    expect(march.location).toBe('Committee Room 2, Wyndmoor Town Hall, Church Street, Wyndmoor WY1 2AB');
    expect(march.description).toContain('https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/index.html');
    expect(march.component.getFirstPropertyValue('url')).toBe('https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/index.html');
    expect(march.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // RFC 5545: DTSTAMP in UTC, and a VTIMEZONE for the zone the events name.
    expect(read(out, 'calendar.ics')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    expect(new ICAL.Component(ICAL.parse(read(out, 'calendar.ics'))).getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    // The meeting's own file, for "add to calendar", holds the same event.
    expect(events('resources-scrutiny-panel/2026-03-10/meeting.ics').map((e) => e.uid)).toEqual([march.uid]);
  });

  it('mark a cancelled meeting CANCELLED, and keep a moved meeting’s UID with a higher SEQUENCE', async () => {
    const files = {
      ...BASE,
      'boardpack.yml': 'organisation: Test Council\nbaseUrl: https://papers.test.example\n',
      'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\nstatus: cancelled\n---\n\n1. Apologies\n',
      'committees/panel/2026-04-14/agenda.md': '---\npublished: 2026-04-03\ntime: "18:30"\nvenue: Room 1\n---\n\n1. Apologies\n',
    };
    const built = async (content: Record<string, string>) => {
      const root = contentFolder(content);
      const result = await cli(['build', root, '--out', join(root, 'out'), '--force'], { today: '2026-02-01' });
      expect(result.code, result.stderr).toBe(0);
      return new ICAL.Component(ICAL.parse(readFileSync(join(root, 'out/panel/calendar.ics'), 'utf8'))).getAllSubcomponents('vevent');
    };
    const before = await built(files);
    expect(before[0].getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(before[0].getFirstPropertyValue('sequence')).toBe(1);
    expect(before[1].getFirstPropertyValue('sequence')).toBe(0);
    // The April meeting moves to the 21st: its folder is renamed, and its agenda says where it moved from.
    const moved = { ...files } as Record<string, string>;
    delete moved['committees/panel/2026-04-14/agenda.md'];
    moved['committees/panel/2026-04-21/agenda.md'] = '---\npublished: 2026-04-10\ntime: "18:30"\nvenue: Room 1\nmovedFrom: 2026-04-14\n---\n\n1. Apologies\n';
    const after = await built(moved);
    expect(after[1].getFirstPropertyValue('uid')).toBe(before[1].getFirstPropertyValue('uid'));
    expect(after[1].getFirstPropertyValue('sequence')).toBe(1);
    expect(String(after[1].getFirstPropertyValue('dtstart'))).toBe('2026-04-21T18:30:00');
  });
});

describe('calendar revisions (issue 29)', () => {
  it('raise SEQUENCE and DTSTAMP with each recorded change of time or venue, say so when one is not recorded, and rebuild to the same bytes', async () => {
    const root = contentFolder({
      ...BASE,
      'boardpack.yml': 'organisation: Test Council\nbaseUrl: https://papers.test.example\n',
      'committees/panel/2026-04-14/agenda.md': '---\npublished: 2026-04-03\ntime: "18:30"\nvenue: Room 1\n---\n\n1. Apologies\n',
    });
    const agenda = join(root, 'committees/panel/2026-04-14/agenda.md');
    const build = async () => {
      const result = await cli(['build', root, '--out', join(root, 'out'), '--force'], { today: '2026-04-09' });
      expect(result.code, result.stderr).toBe(0);
      const text = readFileSync(join(root, 'out/panel/calendar.ics'), 'utf8');
      const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      return { stdout: result.stdout, text, event };
    };
    const first = await build();
    expect(first.event.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(first.event.getFirstPropertyValue('dtstamp'))).toMatch(/^2026-04-03T00:00:00/);

    // The time changes with nothing recorded: the build says what to do, and the calendar cannot tell subscribers.
    writeFileSync(agenda, readFileSync(agenda, 'utf8').replace('"18:30"', '"19:00"'));
    const unrecorded = await build();
    expect(unrecorded.stdout).toMatch(/Note: The time of .* on Tuesday 14 April 2026 changed since the last build \(time 18:30 to 19:00\), but its agenda does not record it/);
    expect(unrecorded.stdout).toContain('Add "revised: 2026-04-09" to the frontmatter of committees/panel/2026-04-14/agenda.md');
    expect(unrecorded.event.getFirstPropertyValue('sequence')).toBe(0);

    // Recorded, with the venue changed the next day too: SEQUENCE counts each, DTSTAMP is the last.
    writeFileSync(
      agenda,
      readFileSync(agenda, 'utf8').replace('venue: Room 1', 'venue: Room 2\nrevised:\n  - date: 2026-04-09\n    change: start moved to 7pm\n  - 2026-04-10'),
    );
    const recorded = await build();
    expect(recorded.stdout).not.toMatch(/changed since the last build/);
    expect(recorded.event.getFirstPropertyValue('sequence')).toBe(2);
    expect(String(recorded.event.getFirstPropertyValue('dtstamp'))).toMatch(/^2026-04-10T00:00:00/);
    expect(String(recorded.event.getFirstPropertyValue('dtstart'))).toBe('2026-04-14T19:00:00');
    expect(recorded.event.getFirstPropertyValue('location')).toBe('Room 2');
    expect(String(recorded.event.getFirstPropertyValue('description'))).toContain('Changed on Thursday 9 April 2026: start moved to 7pm. Changed on Friday 10 April 2026.');
    // The same content builds the same calendar.
    expect((await build()).text).toBe(recorded.text);
  });
});

describe('feeds', () => {
  it('are Atom feeds of documents as they were published, newest first, site-wide and per committee', () => {
    const site = parseFeed(read(out, 'feed.xml'));
    expect(site.meta.type).toBe('atom');
    expect(site.title).toBe('Wyndmoor Borough Council: new papers');
    expect(site.items.length).toBeGreaterThan(10);
    const dates = site.items.map((i) => i.updated?.toISOString().slice(0, 10));
    expect([...dates].sort().reverse()).toEqual(dates);
    const pack = site.items.find((i) => i.title === 'Resources Scrutiny Panel, Tuesday 10 March 2026: agenda pack');
    expect(pack?.updated?.toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(pack?.url).toBe('https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/agenda-pack.html');
    const supplement = site.items.find((i) => i.title === 'Resources Scrutiny Panel, Tuesday 10 March 2026: Supplementary agenda 1');
    expect(supplement?.url).toBe('https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/agenda-pack.html#supplement-1');
    // The feed's date is its newest entry's, not the build's.
    expect(site.updated?.toISOString().slice(0, 10)).toBe(dates[0]);
    const committee = parseFeed(read(out, 'cabinet/feed.xml'));
    expect(committee.items.length).toBeGreaterThan(0);
    const executive = (t: string | null | undefined) => /^(Decision: |Cabinet: Forward Plan)/.test(t ?? '');
    expect(committee.items.filter((i) => !executive(i.title)).every((i) => i.title?.startsWith('Cabinet, '))).toBe(true);
    // The executive's publications: each edition of the forward plan and each decision record, on the day it was published.
    const called = committee.items.find((i) => i.title === 'Decision: Car park charges 2027 (Councillor Lucy Tremayne, Cabinet Member for Environment, Friday 20 November 2026)');
    expect(called?.url).toBe('https://democracy.wyndmoor.example/cabinet/decisions/car-park-charges-2027.html');
    expect(called?.updated?.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(committee.items.filter((i) => i.title?.startsWith('Cabinet: Forward Plan of Key Decisions, ')).length).toBe(9);
    // Atom's required elements on every entry.
    for (const xml of [read(out, 'feed.xml'), read(out, 'cabinet/feed.xml')]) {
      for (const entry of xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? []) for (const tag of ['id', 'title', 'updated', 'link']) expect(entry).toContain(`<${tag}`);
    }
  });
});

describe('open data', () => {
  it('validates against the JSON Schema published beside it, in the shape of OCD’s Event with UK extras', () => {
    const schema = JSON.parse(read(out, 'meeting.schema.json'));
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const files = filesUnder(out).filter((f) => f.endsWith('/meeting.json'));
    expect(files.length).toBe(12);
    for (const file of files) expect(validate(JSON.parse(read(out, file))), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const march = JSON.parse(read(out, 'resources-scrutiny-panel/2026-03-10/meeting.json'));
    expect(march).toMatchObject({ _type: 'event', status: 'passed', start_date: '2026-03-10T18:00:00Z', timezone: 'Europe/London' });
    expect(march.participants[0]).toEqual({ name: 'Resources Scrutiny Panel', entity_type: 'organization', note: 'host' });
    const item = march.agenda.find((i: { description: string }) => i.description === 'Fees and charges 2026/27');
    expect(item.extras.documents[0].links[0].url).toBe('https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/agenda-pack.html#paper-fees-and-charges');
    const private7 = march.agenda.find((i: { extras: { private: boolean } }) => i.extras.private);
    expect(private7.extras.exempt_paragraph).toBe(3);
    // A document that does not match the schema is refused by it.
    expect(validate({ ...march, status: 'maybe' })).toBe(false);
    const index = JSON.parse(read(out, 'meetings.json'));
    expect(index.meetings.map((m: { data: string }) => m.data)).toContain('https://democracy.wyndmoor.example/resources-scrutiny-panel/2026-03-10/meeting.json');
  });
});

describe('without a base URL', () => {
  it('writes the pages but no calendars, feeds or open data, and says what is missing', async () => {
    const root = contentFolder({ ...BASE, 'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies\n' });
    const result = await cli(['build', root, '--out', join(root, 'out')], { today: '2026-02-01' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Note: No calendars, feeds or open data were written: they need the address the site is published at, as baseUrl in boardpack.yml');
    const files = filesUnder(join(root, 'out'));
    expect(files).toContain('panel/2026-03-10/index.html');
    expect(files.filter((f) => /\.(ics|xml|json)$/.test(f) && !f.startsWith('pagefind/'))).toEqual([]);
  });
});

describe('rebuilding', () => {
  it('makes the same bytes for every page, calendar, feed and data file', async () => {
    const again = await buildSample();
    const files = filesUnder(htmlOnly);
    expect(filesUnder(again)).toEqual(files);
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(htmlOnly, file))), file).toBe(true);
  });
});

describe('--no-search', () => {
  it('leaves out the search page and index, and no page links to them', async () => {
    const plain = await buildSample('--no-search');
    const files = filesUnder(plain);
    expect(files.filter((f) => f.startsWith('pagefind/') || f.startsWith('search.'))).toEqual([]);
    expect(text(page(plain, 'index.html'), 'nav.site-nav a')).toEqual(['Home', 'Archive', 'Members']);
    expect(files.filter((f) => f.endsWith('.html') && selectAll('main[data-pagefind-body]', page(plain, f)).length > 0)).toEqual([]);
  });
});

describe('a committee folder named like one of the site’s own files', () => {
  it('stops the build with a message naming it, and writes nothing', async () => {
    const root = contentFolder({
      'boardpack.yml': 'organisation: Test Council\n',
      'committees/pagefind/committee.yml': 'name: Page Finding Committee\n',
      'committees/pagefind/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies\n',
    });
    const result = await cli(['build', root, '--out', join(root, 'out')], { today: '2026-02-01' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('committees/pagefind/committee.yml');
    expect(result.stderr).toContain('Unexpected committee folder "pagefind": the website keeps that name for its own files, expected another name for the folder');
    expect(result.stderr.split('Unexpected committee folder').length - 1).toBe(1);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
