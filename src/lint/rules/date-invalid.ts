import { defineRule } from '../rule.js';
import { documents } from '../documents.js';

export default defineRule(
  {
    id: 'date-invalid',
    description: 'Dates must name real days; near-dates such as "24h April 2018" are suspect',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    for (const { doc } of documents(context.model)) {
      for (const d of doc.dates) {
        if (d.invalid === 'impossible') {
          context.report(`Unexpected date "${d.text}", which names no real day, expected a date that exists`, d.position);
        } else if (d.invalid === 'malformed') {
          context.report(
            `Unexpected "${d.text}", expected a date such as "24th April 2018" or "24 April 2018"`,
            d.position,
            { severity: 'warning' },
          );
        }
      }
    }
  },
);
