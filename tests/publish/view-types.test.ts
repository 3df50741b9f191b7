import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import type { Model } from '../../src/model/types.js';
import { publish } from '../../src/publish/view.js';
import type {
  PublishedView,
  ViewAppendix,
  ViewLink,
  ViewMeeting,
  ViewMinute,
  ViewPaper,
  WithheldAppendix,
  WithheldLink,
  WithheldMinute,
  WithheldDecision,
  ViewDecision,
  WithheldPaper,
} from '../../src/publish/types.js';
import { packView } from '../../src/render/html/pack.js';
import { minutesView } from '../../src/render/html/site.js';
import { meetingView } from '../../src/render/html/pages.js';
import { meetingData } from '../../src/site/open-data.js';
import { Problems } from '../../src/parse/problems.js';
import { BASE, contentFolder } from '../helpers.js';

/** A day after every publication date of the content: nothing is held back for being published later. */
const AS_OF = '2099-12-31';

/*
 * The public view is a type of its own (src/publish/types.ts): what is
 * withheld has no field that could hold its content, so a writer that reached
 * for it would not compile. The `@ts-expect-error` lines below are checked by
 * the typecheck the test command runs first (`npm run typecheck`): were a
 * withheld variant to gain a title, a file or a tree, the line would compile
 * and the typecheck would fail.
 */

describe('the published view cannot hold what it withholds', () => {
  it('a withheld paper, appendix, minute and link have their notice and paragraph, and nothing of the thing', () => {
    expectTypeOf<keyof WithheldPaper>().toEqualTypeOf<'withheld' | 'notice' | 'paragraph' | 'id' | 'type'>();
    expectTypeOf<keyof WithheldAppendix>().toEqualTypeOf<'withheld' | 'notice' | 'paragraph'>();
    expectTypeOf<keyof WithheldMinute>().toEqualTypeOf<'withheld' | 'notice' | 'paragraph' | 'number' | 'title' | 'summary' | 'position' | 'endLine'>();
    expectTypeOf<keyof WithheldLink>().toEqualTypeOf<'withheld' | 'notice' | 'paragraph' | 'kind' | 'ref' | 'position'>();
    // A decision taken in private: what the law publishes of it (title, maker, day, its minute and plan entry, call-in), no more.
    expectTypeOf<keyof WithheldDecision>().toEqualTypeOf<
      'withheld' | 'notice' | 'paragraph' | 'id' | 'committee' | 'title' | 'kind' | 'by' | 'date' | 'meeting' | 'minute' | 'forwardPlan' | 'key' | 'published' | 'callIn' | 'calledIn' | 'implemented'
    >();
  });

  it('a writer must ask whether a decision record is withheld before it can reach its decision, reasons, alternatives or conflicts', () => {
    const reach = (record: ViewDecision) => {
      // @ts-expect-error a decision of the view may be withheld: no decision
      void record.decision;
      // @ts-expect-error nor its reasons
      void record.reasons;
      // @ts-expect-error nor the alternatives rejected
      void record.alternatives;
      // @ts-expect-error nor the conflicts declared
      void record.conflicts;
      // @ts-expect-error nor the reasons for an exemption from call-in
      void record.callIn.reasons;
      return record.withheld ? record.notice : (record.reasons ?? '');
    };
    expectTypeOf(reach).returns.toEqualTypeOf<string>();
  });

  it('a writer must ask whether a paper is withheld before it can reach its title, author, file or text', () => {
    const reach = (paper: ViewPaper) => {
      // @ts-expect-error a paper of the view may be withheld: it may have no text to render
      paper.tree();
      // @ts-expect-error nor a title
      void paper.title;
      // @ts-expect-error nor an author
      void paper.author;
      // @ts-expect-error nor a file to read
      void paper.file;
      // @ts-expect-error nor its text blocks
      void paper.blocks;
      if (paper.withheld) {
        expectTypeOf(paper).toEqualTypeOf<WithheldPaper>();
        return paper.notice;
      }
      return `${paper.title} ${paper.file} ${paper.tree().children.length}`;
    };
    expectTypeOf(reach).returns.toEqualTypeOf<string>();
  });

  it('the same for an appendix, a minute and an agenda link', () => {
    const appendix = (a: ViewAppendix) => {
      // @ts-expect-error an appendix may be withheld: no title
      void a.title;
      // @ts-expect-error nor bytes of its PDF
      void a.bytes;
      return a.withheld ? null : a.title;
    };
    const minute = (m: ViewMinute) => {
      // @ts-expect-error a minute may be withheld: no resolutions
      void m.resolutions;
      // @ts-expect-error nor text blocks
      void m.blocks;
      // @ts-expect-error nor declarations
      void m.declarations;
      return m.withheld ? m.summary : m.blocks.length;
    };
    const link = (l: ViewLink) => {
      // @ts-expect-error a link may be withheld: it names no file
      void l.target;
      // @ts-expect-error nor its text
      void l.text;
      return l.withheld ? l.ref : l.target;
    };
    expectTypeOf(appendix).returns.toEqualTypeOf<string | null>();
    expectTypeOf(minute).returns.toEqualTypeOf<string | number | null>();
    expectTypeOf(link).returns.toEqualTypeOf<string | null>();
  });

  it('writers take the view, not the model, and no content folder', () => {
    expectTypeOf(packView).parameter(0).toEqualTypeOf<PublishedView>();
    expectTypeOf(packView).parameter(1).toEqualTypeOf<ViewMeeting>();
    expectTypeOf(minutesView).parameter(0).toEqualTypeOf<PublishedView>();
    expectTypeOf(meetingView).parameter(0).toEqualTypeOf<PublishedView>();
    expectTypeOf(meetingData).parameter(0).toEqualTypeOf<PublishedView>();
    const handed = (model: Model) => {
      // @ts-expect-error the model read from the folder is not a view: a writer cannot be handed it
      packView(model, model.committees[0].meetings[0], new Problems());
    };
    expectTypeOf(handed).toBeFunction();
    // @ts-expect-error nor a meeting of it
    expectTypeOf<ViewMeeting>().toEqualTypeOf<Model['committees'][number]['meetings'][number]>();
  });
});

describe('publish() gives a withheld paper as its variant', () => {
  const M = 'committees/panel/2026-03-10';
  const root = contentFolder({
    ...BASE,
    [`${M}/agenda.md`]:
      '---\npublished: 2026-03-02\nprivate:\n  2: 3\n---\n\n1. Budget\n   [Report](budget.md)\n2. Land sale\n   [Report](land.md)\n   [Valuation](valuation.pdf)\n',
    [`${M}/budget.md`]: '---\ntitle: Budget\n---\n\nThe budget.\n',
    [`${M}/land.md`]: '---\ntitle: Offer from Acme Holdings\nauthor: Secret Author\nexempt: 3\n---\n\nAcme offered SECRET-FIGURE.\n',
    [`${M}/valuation.pdf`]: '%PDF-1.7\n',
  });
  const model = parseContent(root).model;

  it('for the public: its notice and paragraph, an opaque id, and no word of it anywhere in the view', () => {
    const view = publish(model, 'public', root, { asOf: AS_OF });
    const meeting = view.committees[0].meetings[0];
    const land = meeting.papers.find((p) => p.withheld)!;
    expect(Object.keys(land).sort()).toEqual(['id', 'notice', 'paragraph', 'type', 'withheld']);
    expect(land).toMatchObject({ withheld: true, paragraph: 3, id: expect.stringMatching(/^exempt-\d+$/) });
    const json = JSON.stringify(view);
    for (const secret of ['Acme', 'Secret Author', 'SECRET-FIGURE', 'land.md', 'valuation.pdf']) expect(json).not.toContain(secret);
    // The agenda's links to it lead to its stand-in, and the PDF on the private item is no file of the meeting.
    const links = meeting.agenda!.items[1].links;
    expect(links.map((l) => l.withheld)).toEqual([true, true]);
    expect(links[0]).toMatchObject({ withheld: true, ref: land.id });
    expect(meeting.attachments).toEqual([]);
  });

  it('for members: shown, marked with its notice, its text read through the view', () => {
    const view = publish(model, 'members', root, { asOf: AS_OF });
    const land = view.committees[0].meetings[0].papers.find((p) => !p.withheld && p.title.startsWith('Offer'))!;
    expect(land.withheld).toBe(false);
    if (land.withheld) return;
    expect(land.notice).toMatch(/paragraph 3/);
    expect(JSON.stringify(land.tree())).toContain('SECRET-FIGURE');
  });
});

describe("publish() keeps a withheld minute's comings and goings with it", () => {
  const M = 'committees/panel/2026-03-10';
  const root = contentFolder({
    ...BASE,
    [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Budget\n2. Land sale\n',
    [`${M}/minutes.md`]:
      '---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen, Councillor Cy Dale]\nexempt:\n  "2": 3\n---\n\n## 1. Budget\n\nCouncillor Chen left the meeting at 8.30 pm.\n\nResolved:- That the budget be agreed.\n\n## 2. Land sale\n\nCouncillor Dale declared a pecuniary interest and left the room for this item.\n\nResolved:- That the offer be accepted.\n',
  });
  const model = parseContent(root).model;

  it('for the public: a movement written in the private minute, or out of the room for its item, is not in the view', () => {
    expect(model.committees[0].meetings[0].minutes!.movements.map((m) => `${m.name} ${m.kind}`)).toEqual(['Councillor Chen left', 'Councillor Dale out']);
    const pub = publish(model, 'public', root, { asOf: AS_OF }).committees[0].meetings[0].minutes!;
    expect(pub.movements.map((m) => `${m.name} ${m.kind}`)).toEqual(['Councillor Chen left']);
    expect(JSON.stringify(pub)).not.toContain('Dale declared');
    const members = publish(model, 'members', root, { asOf: AS_OF }).committees[0].meetings[0].minutes!;
    expect(members.movements).toHaveLength(2);
  });
});
