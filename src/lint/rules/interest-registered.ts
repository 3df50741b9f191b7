import { defineRule } from '../rule.js';
import { longDate, meetingsWithMinutes } from '../helpers.js';
import { councilMember, paragraphAt } from '../members.js';
import { addDaysIso } from '../../dates/calendar.js';

/** England's disclosable pecuniary interest, as minutes name it. */
const PECUNIARY = /pecuniary|\bDPI\b/i;
const COMMON = new Set(['councillor', 'declared', 'disclosable', 'pecuniary', 'interest', 'minute', 'item', 'as', 'the', 'and', 'with', 'from', 'that', 'this', 'which', 'their', 'left', 'meeting', 'room', 'took', 'part']);
const words = (text: string) => new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3 && !COMMON.has(w)));


export default defineRule(
  {
    id: 'interest-registered',
    description: "A disclosable pecuniary interest declared at a meeting is in the member's register within 28 days",
    category: 'attendance',
    severity: 'warning',
  },
  (context) => {
    const model = context.model;
    if (model.config.jurisdiction !== 'england' || model.members.length === 0) return;
    for (const { meeting, minutes } of meetingsWithMinutes(context)) {
      for (const minute of minutes.minutes) {
        for (const declaration of minute.declarations) {
          if (!PECUNIARY.test(declaration.interest)) continue;
          const member = councilMember(model, declaration.name);
          const due = addDaysIso(meeting.date, 28);
          if (!member || context.asOf <= due) continue;
          const said = words(paragraphAt(minute, declaration.position.line).replace(declaration.name, ''));
          const registered = member.interests.some(
            (i) => i.category !== 'other' && i.registered <= due && (said.size === 0 || [...words(i.description)].some((w) => said.has(w))),
          );
          if (registered) continue;
          context.report(
            `Unexpected disclosable pecuniary interest declared by ${declaration.name} on ${longDate(meeting.date)} and not in their register by ${longDate(due)}, expected an entry in members/${member.id}.yml registered within 28 days of the disclosure (s.31(3) Localism Act 2011)`,
            declaration.position,
          );
        }
      }
    }
  },
);
