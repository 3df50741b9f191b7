import type { Declaration, Minute, Minutes } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { longDate, meetingsWithMinutes, samePerson } from '../helpers.js';
import { sameMinute, surname } from '../executive.js';
import { councilMember, paragraphAt, sameMember } from '../members.js';
import { heldOn } from '../../parse/members.js';

/** An interest that keeps a member out of the item: England's disclosable pecuniary interest, Wales's prejudicial one. */
const DISQUALIFYING = /pecuniary|\bDPI\b|prejudicial/i;
/** Words saying the member stayed out: left the room, withdrew, took no part, did not vote. */
const STAYED_OUT = /\b(?:left|leaving|withdrew|withdrawn|absented|retired from)\b|\btook no part\b|\bdid not (?:take part|participate|vote|speak)\b|\bnot (?:take part|participate|vote)\b/i;


/** Whether the minutes say the member stayed out of the item: in the declaration's sentence, or where the item's minute names them. */
function stayedOut(minutes: Minutes, declaration: Declaration, declaredIn: Minute): boolean {
  if (STAYED_OUT.test(paragraphAt(declaredIn, declaration.position.line))) return true;
  const item = minutes.minutes.find((m) => m.number && sameMinute(m.number.raw, declaration.minute));
  const name = surname(declaration.name);
  return (item?.blocks ?? []).some((b) => b.text.toLowerCase().includes(name) && STAYED_OUT.test(b.text));
}

export default defineRule(
  {
    id: 'interest-participation',
    description: 'A member who declared a disclosable pecuniary (or prejudicial) interest in an item took no part in it, unless dispensed',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    const model = context.model;
    if (model.config.jurisdiction !== 'england' && model.config.jurisdiction !== 'wales') return;
    for (const { meeting, minutes, member: listed } of meetingsWithMinutes(context)) {
      for (const minute of minutes.minutes) {
        for (const declaration of minute.declarations) {
          if (!DISQUALIFYING.test(declaration.interest)) continue;
          // Recorded voting on the item outweighs any word of leaving.
          const item = minutes.minutes.find((m) => m.number && sameMinute(m.number.raw, declaration.minute));
          // The voter is the declarer by name or alias, not merely by surname: two members may share one.
          const same = (n: string) => samePerson(n, declaration.name, listed) || sameMember(model, n, declaration.name);
          const voted = (item?.votes ?? []).some((v) => [...(v.for ?? []), ...(v.against ?? []), ...(v.abstain ?? [])].some(same));
          // What the frontmatter says they did outranks the words: left is out; remained, or spoke but did not
          // vote, is taking part (s.31(4) bars both the discussion and the vote).
          const action = declaration.action;
          const out = action === 'left' || (action === null && stayedOut(minutes, declaration, minute));
          if (!voted && out) continue;
          const member = councilMember(model, declaration.name);
          const dispensed = member?.dispensations.find((d) => heldOn(d, meeting.date));
          if (dispensed) continue;
          // "Dispensed" with no member file to hold the dispensation is taken at the minutes' word.
          if (action === 'dispensed' && !member) continue;
          context.report(
            `Unexpected ${declaration.name}${voted ? ' voting' : ''} in minute ${declaration.minute} after declaring a ${declaration.interest} interest in it, expected the minutes to record that they left the room (or took no part and did not vote), or a dispensation in force on ${longDate(meeting.date)} in ${member ? `members/${member.id}.yml` : 'their member file'} (s.33 Localism Act 2011)`,
            declaration.position,
          );
        }
      }
    }
  },
);
