import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'private-item',
    description: 'Papers and items taken in private agree: exempt papers on private items, each private item citing its paragraph, and a paper opting out saying why',
    category: 'exempt',
    severity: 'error',
  },
  (context) => {
    for (const meeting of context.model.committees.flatMap((c) => c.meetings)) {
      const papers = new Map(meeting.papers.map((p) => [p.file, p]));
      for (const agenda of [meeting.agenda, ...meeting.supplements]) {
        // An agenda without `private:` keeps the older reading (exempt-exclusion checks it).
        if (!agenda || !agenda.items.some((i) => i.private?.explicit)) continue;
        for (const item of agenda.items) {
          const linked = item.links.flatMap((l) => (l.target && papers.has(l.target) ? [papers.get(l.target)!] : []));
          if (!item.private) {
            for (const paper of linked.filter((p) => p.exempt)) {
              context.report(
                `Unexpected exempt paper "${paper.id}" on item ${item.number}, which is taken in public, expected the item in the agenda's private: list`,
                item.position,
              );
            }
            continue;
          }
          if (item.private.paragraph === null && !linked.some((p) => p.exemptParagraph !== null)) {
            context.report(
              `Unexpected private item ${item.number} with no exemption paragraph, expected one in the agenda's private: list (such as "${item.number}: 3") or in its paper's exempt:`,
              item.position,
            );
          }
          for (const paper of linked.filter((p) => p.exemptGiven && !p.exempt && !p.publicBecause)) {
            context.report(
              `Unexpected "exempt: false" in "${paper.id}" on private item ${item.number} without a reason, expected "publicBecause:" saying why it may be published`,
              paper.fields.exempt ?? paper.position,
            );
          }
        }
      }
    }
  },
);
