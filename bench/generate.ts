/**
 * A deterministic synthetic archive for the benchmark: committees × years of
 * meetings, each with an agenda, two reports and minutes, written in the
 * shapes of the sample council. The same arguments always give the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDaysIso, formatLong, latestPublication, weekdayOf } from '../src/dates/calendar.js';

const TOPICS = [
  'Budget monitoring', 'Treasury management', 'Housing delivery', 'Waste and recycling', 'Leisure services',
  'Planning performance', 'Customer contact', 'Workforce report', 'Risk register', 'Internal audit progress',
  'Climate action', 'Community safety', 'Asset review', 'Digital strategy', 'Fees and charges',
];

/** A small seeded generator, so the archive never changes between runs. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Sections a key decision's report has beyond its recommendations. */
const KEY_SECTIONS = ['Financial implications', 'Legal implications'];

function report(title: string, rnd: () => number, sections: number, forwardPlan: string | null = null): string {
  const key = forwardPlan ? `keyDecision: true\nforwardPlan: ${forwardPlan}\n` : '';
  const parts = [`---\ntitle: ${title}\ntype: report\nauthor: Head of Service\n${key}exempt: false\nwards: [All]\n---\n`];
  for (let s = 1; s <= sections; s++) {
    parts.push(`## ${s}. ${s === 1 ? 'Recommendations' : ((forwardPlan && KEY_SECTIONS[s - 2]) ?? `Section ${s}`)}\n`);
    const paragraphs = 2 + Math.floor(rnd() * 3);
    for (let p = 1; p <= paragraphs; p++) {
      parts.push(
        `${s}.${p} The Council's ${title.toLowerCase()} position at the end of the quarter shows spending of £${(rnd() * 9 + 1).toFixed(2)} million against a budget of £${(rnd() * 9 + 1).toFixed(2)} million, and the service expects to report again on ${formatLong(addDaysIso('2020-01-06', Math.floor(rnd() * 3000)))}.\n`,
      );
    }
  }
  return parts.join('\n');
}

export interface ArchiveSize {
  committees: number;
  years: number;
  meetingsPerYear: number;
}

/** Write the archive into `root`; returns the number of files written. */
export function generateArchive(root: string, size: ArchiveSize, seed = 1): number {
  const rnd = random(seed);
  let files = 0;
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
    files++;
  };
  // With the site's address, so that the site's calendars, feeds and open data are made and measured with it.
  write('boardpack.yml', 'organisation: Benchmark Borough Council\njurisdiction: england\nminuteNumbering: per-year\nbaseUrl: https://papers.bench.example/\n');
  for (let c = 1; c <= size.committees; c++) {
    const id = `committee-${String(c).padStart(2, '0')}`;
    const members = Array.from({ length: 6 }, (_, m) => `  - name: Councillor Member${c}x${m + 1}\n${m === 0 ? '    role: chair\n' : ''}`).join('');
    // The first committee is the executive: each meeting takes a key decision, on its forward plan, with its record.
    const executive = c === 1;
    write(`committees/${id}/committee.yml`, `name: Committee ${c}\nquorum: 3\ntime: "18:00"\n${executive ? 'executive: true\n' : ''}members:\n${members}`);
    const plan: string[] = [];
    const records: string[] = [];
    const editions = new Set<string>();
    let minute = 0;
    let previous: string | null = null;
    for (let y = 0; y < size.years; y++) {
      minute = 0;
      for (let m = 0; m < size.meetingsPerYear; m++) {
        // Meetings on Tuesdays, about five weeks apart, from May of each municipal year.
        let date = addDaysIso(`${2016 + y}-05-10`, m * 35 + c % 7);
        while (weekdayOf(date) !== 'Tuesday') date = addDaysIso(date, 1);
        const dir = `committees/${id}/${date}`;
        const topics = [TOPICS[Math.floor(rnd() * TOPICS.length)], TOPICS[Math.floor(rnd() * TOPICS.length)]];
        const items = [
          '1. Apologies for absence',
          '2. Declarations of interest',
          previous ? `3. Minutes of the previous meeting held on ${formatLong(previous)}\n   [Minutes](../${previous}/minutes.md)` : '3. Minutes of the previous meeting',
          `4. ${topics[0]}\n   [Report](report-a.md)`,
          `5. ${topics[1]} review\n   [Report](report-b.md)`,
          '6. Date of next meeting',
        ];
        write(`${dir}/agenda.md`, `---\npublished: ${latestPublication(date, 5, 'GB-ENG')}\n---\n\n${items.join('\n')}\n`);
        const ref = executive ? `FP/${2016 + y}/${String(m + 1).padStart(2, '0')}` : null;
        write(`${dir}/report-a.md`, report(topics[0], rnd, 4, ref));
        write(`${dir}/report-b.md`, report(`${topics[1]} review`, rnd, 5));
        // The chair and three of the other five, in turn: every member attends most meetings, as a real committee's do.
        const present = ['Councillor Member' + c + 'x1', ...[0, 1, 2].map((k) => `Councillor Member${c}x${2 + ((m + k) % 5)}`)];
        const short = (name: string) => name.replace(/^Councillor /, '');
        const titles = ['Apologies for absence', 'Declarations of interest', 'Minutes of the previous meeting', topics[0], `${topics[1]} review`, 'Date of next meeting'];
        const body = titles
          .map((t, i) =>
            i === 2
              ? `## ${++minute}. ${t}\n\nResolved:- That the minutes of the previous meeting be approved as a correct record.\n`
              : i === 3
                ? // The first report's recommendation is put to a vote recorded by name.
                  `## ${++minute}. ${t}\n\nThe Committee considered the item.\n\nResolved:- That the recommendation be agreed.\n\nFor: Councillors ${short(present[0])}, ${short(present[1])} and ${short(present[2])} (3)\n\nAgainst: Councillor ${short(present[3])} (1)\n\nThe motion was carried.\n`
                : `## ${++minute}. ${t}\n\nThe Committee considered the item.\n\nResolved:- (1) That the report be noted.\n\n(2) That the Committee:-\n\n(a) supports the approach; and\n\n(b) asks for a further report.\n`,
          )
          .join('\n');
        write(`${dir}/minutes.md`, `---\nchair: ${present[0]}\npresent: [${present.join(', ')}]\n---\n\n${body}`);
        if (ref) {
          // First published five weeks before (an edition on that day), recorded two days after, acted on a fortnight later.
          const first = addDaysIso(date, -35);
          editions.add(first);
          plan.push(`  - ref: ${ref}\n    matter: ${topics[0]}\n    decisionMaker: ${id}\n    date: ${date}\n    documents: [Report of the Head of Service]\n    firstPublished: ${first}\n`);
          records.push(
            `- id: ${ref.toLowerCase().replace(/\//g, '-')}\n  title: ${topics[0]}\n  date: ${date}\n  meeting: ${date}\n  minute: ${minute - 2}\n  forwardPlan: ${ref}\n  key: true\n  decision: The report was noted and the approach supported.\n  reasons: As set out in the report.\n  alternatives: None.\n  conflicts: None\n  published: ${addDaysIso(date, 2)}\n  implemented: ${addDaysIso(date, 16)}\n`,
          );
        }
        previous = date;
      }
    }
    // The first ten committees' members keep members' files: a seat each municipal year, renewed at each annual meeting in May.
    if (c <= 10) {
      for (let m = 1; m <= 6; m++) {
        const seats = Array.from({ length: size.years }, (_, y) => `  - { committee: ${id}, role: ${m === 1 ? 'chair' : 'member'}, from: ${2016 + y}-05-01, to: ${2017 + y}-04-30 }\n`).join('');
        write(
          `members/member-${c}-${m}.yml`,
          `name: Councillor Member${c}x${m}\ngroup: Group ${m % 3}\nward: Ward ${c}\nmemberships:\n${seats}interests:\n  - { category: employment, description: Employment ${c}-${m}, registered: 2016-05-20 }\n`,
        );
      }
    }
    if (executive) {
      write(`committees/${id}/forward-plan.yml`, `published: [${[...editions].sort().join(', ')}]\ndocuments: From Democratic Services.\nrepresentations: To Democratic Services.\ncontact: Democratic Services\nentries:\n${plan.join('')}`);
      write(`committees/${id}/decisions.yml`, records.join(''));
    }
  }
  return files;
}
