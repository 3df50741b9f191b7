import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli, contentFolder } from '../helpers.js';
import { filesUnder } from '../render/site.js';

/*
 * Values that cross into another language (issue 31): calendar and feed text
 * comes from agenda titles, committee and organisation names, which anyone
 * with a pull request can write. Each calendar and feed built from hostile
 * names is parsed back strictly: the same number of events and entries as
 * meetings and documents, each title exactly the text written (less what the
 * format cannot hold), and nothing outside XML's characters.
 */

/** XML 1.0's Char production: what a well-formed document may hold. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Text as a strict reader gives it back: line breaks as LF (both formats normalise them), control characters gone. */
const read = (text: string) => text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
/** The same, for XML, which cannot hold the non-characters U+FFFE and U+FFFF either. */
const readXml = (text: string) => read(text).replace(/[\uFFFE\uFFFF]/g, '');

/** A YAML double-quoted string holding exactly `text`. */
const yaml = (text: string) => JSON.stringify(text);

function hostileSite(names: { organisation: string; committee: string; title: string; venue: string }) {
  return contentFolder({
    'boardpack.yml': `organisation: ${yaml(names.organisation)}\nbaseUrl: https://papers.example.org/\n`,
    'committees/panel/committee.yml': `name: ${yaml(names.committee)}\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n`,
    'committees/panel/2026-03-10/agenda.md': `---\npublished: 2026-03-02\ntitle: ${yaml(names.title)}\nvenue: ${yaml(names.venue)}\ntime: "18:00"\n---\n\n1. Apologies for absence\n`,
    'committees/panel/2026-04-14/agenda.md': '---\npublished: 2026-04-06\n---\n\n1. Apologies for absence\n',
  });
}

async function build(root: string) {
  const out = join(root, '..', 'out');
  const run = await cli(['build', root, '--force', '--no-search', '--out', out], { today: '2026-11-22' });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return out;
}

function checkCalendars(out: string, names: { title: string; committee: string; venue: string }) {
  const calendars = filesUnder(out).filter((f) => f.endsWith('.ics'));
  expect(calendars.length).toBeGreaterThanOrEqual(4);
  const expectedTitle = read(`${names.committee}: ${names.title}`);
  for (const file of calendars) {
    const text = readFileSync(join(out, file), 'utf8');
    // Every line ends CRLF, and no bare CR or LF is left inside a line.
    expect(text.replace(/\r\n/g, '').match(/[\r\n]/), file).toBeNull();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    // A meeting's own calendar holds its event; the committee's and the site's, both meetings.
    const expected = file.endsWith('meeting.ics') ? 1 : 2;
    expect(events.length, file).toBe(expected);
    for (const event of events) {
      const summary = String(event.getFirstPropertyValue('summary'));
      expect(summary === expectedTitle || summary === read(names.committee), `${summary} in ${file}`).toBe(true);
      expect(String(event.getFirstPropertyValue('url'))).toMatch(/^https:\/\/papers\.example\.org\//);
    }
    // ical.js leaves an X- property's value as written: read its TEXT escapes (RFC 5545 3.3.11) here.
    const name = String(calendar.getFirstPropertyValue('x-wr-calname')).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (file === 'panel/2026-03-10/meeting.ics') expect(name).toBe(`${expectedTitle}, Tuesday 10 March 2026`);
    else if (file !== 'calendar.ics') expect(name.startsWith(read(names.committee)), `${name} in ${file}`).toBe(true);
    expect(calendar.getAllProperties().map((p) => p.name).sort(), file).toEqual(['name', 'prodid', 'version', 'x-wr-calname', 'x-wr-timezone']);
  }
  const one = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'panel/2026-03-10/meeting.ics'), 'utf8')));
  expect(String(one.getFirstSubcomponent('vevent')!.getFirstPropertyValue('location'))).toBe(read(names.venue));
}

function checkFeeds(out: string, names: { title: string; committee: string; organisation: string }) {
  const feeds = filesUnder(out).filter((f) => f.endsWith('.xml'));
  expect(feeds.length).toBeGreaterThanOrEqual(2);
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, isArray: (tag) => tag === 'entry', trimValues: false });
  for (const file of feeds) {
    const text = readFileSync(join(out, file), 'utf8');
    expect(XML_CHAR.test(text), `${file} holds a character XML cannot`).toBe(true);
    const feed = parser.parse(text).feed;
    expect(Object.keys(feed).filter((k) => !k.startsWith('@_') && k !== '#text').sort(), file).toEqual(['author', 'entry', 'generator', 'id', 'link', 'rights', 'title', 'updated']);
    expect(feed.entry.length, file).toBe(2);
    for (const entry of feed.entry) {
      expect(Object.keys(entry).filter((k) => k !== '#text').sort(), file).toEqual(['author', 'id', 'link', 'published', 'summary', 'title', 'updated']);
      // type="html": the text is HTML, so read its entities back as a feed reader would show it.
      const shown = String(entry.title['#text']).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(shown.startsWith(readXml(names.committee)), `${shown} in ${file}`).toBe(true);
      expect(String(entry.title['#text'])).not.toMatch(/<|]]>/);
    }
    expect(String(feed.author.name)).toBe(readXml(names.organisation));
  }
}

describe('calendars and feeds built from hostile names parse back to what was written', () => {
  const names = {
    organisation: 'Evil ]]> Council //x\r\nBEGIN:VEVENT; a, b \\ c',
    committee: 'Panel ]]></title><link href="https://phish.example/"/><title> ]]> \u0001',
    title: 'Budget\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nURL:https://phish.example/\r\nSUMMARY:Pay here <script>alert(1)</script> ]]> ]]>',
    venue: 'Room 1; the Hall, Town\nBEGIN:VALARM',
  };

  it('with CR LF, ]]> twice, markup and control characters', async () => {
    const out = await build(hostileSite(names));
    checkCalendars(out, names);
    checkFeeds(out, names);
  }, 60_000);

  // A small, seeded fuzz: every control character, and the characters each format gives a meaning to, in every value.
  const SPECIAL = ['\r', '\n', '\r\n', ';', ',', '\\', ':', '"', '<', '>', '&', ']]>', '\u2028', '\uFFFE'];
  for (const seed of [1, 2, 3]) {
    it(`with random control and special characters (seed ${seed})`, async () => {
      let state = seed;
      const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const noise = () =>
        Array.from({ length: 12 }, () => (random() < 0.5 ? String.fromCharCode(Math.floor(random() * 32)) : SPECIAL[Math.floor(random() * SPECIAL.length)])).join('');
      // YAML reads a line break in a quoted scalar as written only when escaped; NUL and other C0 escapes are YAML's own.
      const fuzzed = { organisation: `Org ${noise()} end`, committee: `Panel ${noise()} end`, title: `Title ${noise()} end`, venue: `Hall ${noise()} end` };
      const root = hostileSite(fuzzed);
      const out = join(root, '..', 'out');
      const run = await cli(['build', root, '--force', '--no-search', '--out', out], { today: '2026-11-22' });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      checkCalendars(out, fuzzed);
      checkFeeds(out, fuzzed);
    }, 60_000);
  }
});
