import { defineRule } from '../rule.js';
import { documents } from '../documents.js';
import { weekdayOf } from '../../dates/calendar.js';

export default defineRule(
  {
    id: 'date-weekday',
    description: 'A weekday written with a date must be that date’s weekday',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    for (const { doc } of documents(context.model)) {
      for (const d of doc.dates) {
        if (d.weekdayMatches === false && d.date) {
          context.report(`Unexpected ${d.weekday} in "${d.text}", expected ${weekdayOf(d.date)}`, d.position);
        }
      }
    }
  },
);
