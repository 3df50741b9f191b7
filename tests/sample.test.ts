import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../src/index.js';
import { clearWorkingDays, municipalYear } from '../src/dates/calendar.js';
import type { WrittenDate } from '../src/index.js';
import { SAMPLE } from './helpers.js';

const { model, problems } = parseContent(SAMPLE);
const meetings = model.committees.flatMap((c) => c.meetings);
const papers = meetings.flatMap((m) => m.papers);

describe('the sample council', () => {
  it('parses with no problems at all', () => {
    expect(problems).toEqual([]);
  });

  it('has three committees and at least eight meetings crossing a municipal-year boundary', () => {
    expect(model.committees.length).toBeGreaterThanOrEqual(3);
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    const years = new Set(meetings.map((m) => municipalYear(m.date, model.config.municipalYearStart)));
    expect(years.size).toBeGreaterThanOrEqual(2);
  });

  it('holds the kinds of paper a real pack has', () => {
    expect(papers.filter((p) => p.exempt && p.exemptParagraph)).toHaveLength(1);
    expect(meetings.filter((m) => m.supplements.length > 0)).toHaveLength(1);
    expect(papers.some((p) => p.type === 'response-schedule' && p.responses.length >= 10)).toBe(true);
    expect(papers.some((p) => p.paragraphs.length > 0 && p.sections.some((s) => s.number === 2))).toBe(true);
    const minutes = meetings.flatMap((m) => m.minutes?.minutes ?? []);
    expect(minutes.some((m) => m.resolutions.some((r) => r.parts.some((p) => p.parts.length > 0)))).toBe(true);
    expect(minutes.some((m) => m.actions.length > 0)).toBe(true);
    expect(minutes.some((m) => m.declarations.length > 0)).toBe(true);
    expect(minutes.some((m) => m.references.length > 0)).toBe(true);
  });

  it('has an appendix that is a real PDF', async () => {
    const pdfs = papers.flatMap((p) => p.appendices).filter((a) => a.format === 'pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    const pdf = await PDFDocument.load(readFileSync(join(SAMPLE, pdfs[0].file)));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getAuthor()).toBe(model.config.organisation);
  });

  it('has a plan of five strands and a register of ten recommendations, each addressed by a strand', () => {
    const [plan] = model.plans;
    expect(plan.strands.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    const refs = model.registers.flatMap((r) => r.recommendations.map((x) => x.ref));
    expect(refs.length).toBeGreaterThanOrEqual(10);
    const addressed = new Set(plan.strands.flatMap((s) => s.addresses.map((a) => a.ref)));
    expect(refs.filter((r) => !addressed.has(r))).toEqual([]);
  });

  it('writes every date correctly: real days, and weekdays that match', () => {
    const all: WrittenDate[] = [
      ...meetings.flatMap((m) => [
        ...(m.agenda?.dates ?? []),
        ...(m.minutes?.dates ?? []),
        ...m.papers.flatMap((p) => p.dates),
      ]),
    ];
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((d) => d.invalid || d.weekdayMatches === false)).toEqual([]);
  });

  it('publishes every agenda five clear working days ahead, and explains the late supplement', () => {
    for (const m of meetings) {
      expect(clearWorkingDays(m.published!, m.date, 'GB-ENG'), m.id).toBeGreaterThanOrEqual(5);
      for (const s of m.supplements) expect(s.urgency).toBeTruthy();
    }
  });
});
