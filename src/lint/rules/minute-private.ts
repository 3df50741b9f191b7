import { defineRule } from '../rule.js';
import { minuteName } from '../helpers.js';
import { exemptFiles } from '../../publish/gate.js';
import { privateBusiness, privateItems } from '../../publish/private-business.js';

export default defineRule(
  {
    id: 'minute-private',
    description: 'A minute of business taken in private is listed under the minutes’ exempt:, or said to be public',
    category: 'exempt',
    severity: 'error',
  },
  (context) => {
    const exempt = exemptFiles(context.model);
    for (const meeting of context.model.committees.flatMap((c) => c.meetings)) {
      for (const { minute, item, exclusion, paragraph } of privateBusiness(meeting, privateItems(meeting, exempt))) {
        if (minute.exempt !== null) continue;
        const key = minute.number?.raw ?? minute.title;
        const because = item
          ? `agenda item ${item.number} is taken in private${paragraph !== null ? ` (paragraph ${paragraph})` : ''}`
          : `it follows the exclusion of the press and public (${minuteName(exclusion!)})`;
        context.report(
          `Unexpected ${minuteName(minute)}${minute.number ? ` "${minute.title}"` : ''} with no exempt: entry, although ${because}, expected ${paragraph !== null ? `"${key}: ${paragraph}"` : `"${key}" with its paragraph (such as "${key}: 3")`} under exempt: in the minutes' frontmatter (with a summary: for the public minutes), or "${key}: false" if the minute may be published`,
          minute.position,
          { related: item ? { message: `agenda item ${item.number}, taken in private`, position: item.position } : { message: 'the exclusion of the press and public', position: exclusion!.position } },
        );
      }
    }
  },
);
