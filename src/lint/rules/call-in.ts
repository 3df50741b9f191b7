import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { callInEnds, executiveRecords, sameMinute } from '../executive.js';

export default defineRule(
  {
    id: 'call-in',
    description: 'An executive decision is not acted on before its call-in period ends, nor while it is called in; an exemption from call-in gives its reasons',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    const model = context.model;
    if (!executiveRecords(model)) return;
    for (const committee of model.committees) {
      for (const record of committee.decisions) {
        if (record.callIn.kind === 'exempt' && !record.callIn.reasons) {
          context.report(
            `Unexpected exemption from call-in for "${record.title}" without reasons, expected exempt: why the decision is urgent (a delay would seriously prejudice the council's or the public's interests), which the record must give`,
            record.fields.callIn ?? record.position,
          );
        }
        const end = callInEnds(model, record);
        if (!end) continue;
        // A later meeting of the committee that acts on the decision's minute before call-in has run.
        if (record.meeting && record.minute) {
          for (const meeting of committee.meetings) {
            if (meeting.date <= record.meeting || meeting.date > end.day || !meeting.minutes || meeting.status === 'cancelled') continue;
            for (const minute of meeting.minutes.minutes) {
              const ref = minute.references.find((r) => sameMinute(r.number, record.minute!) && (!r.meetingDate?.date || r.meetingDate.date === record.meeting));
              if (!ref) continue;
              context.report(
                `Unexpected minute ${minute.number?.raw ?? minute.title} of ${longDate(meeting.date)} acting on minute ${record.minute} ("${record.title}") before its call-in period ended at ${end.time} on ${longDate(end.day)}, expected it taken after that, or the decision exempt from call-in with the reasons`,
                ref.position,
              );
            }
          }
        }
        if (!record.implemented) continue;
        if (record.implemented <= end.day) {
          const days = model.config.decisions.callInDays;
          context.report(
            `Unexpected implementation of "${record.title}" on ${longDate(record.implemented)}, before its call-in period ended at ${end.time} on ${longDate(end.day)} (${days} working ${days === 1 ? 'day' : 'days'} from the record's publication on ${longDate(record.published ?? record.date)}), expected it acted on after that, or callIn: exempt with the reasons`,
            record.fields.implemented ?? record.position,
          );
          continue;
        }
        const scrutiny = record.calledIn?.meeting?.match(/(\d{4}-\d{2}-\d{2})/)?.[1];
        if (scrutiny && record.implemented < scrutiny) {
          context.report(
            `Unexpected implementation of "${record.title}" on ${longDate(record.implemented)}, while it was called in (on ${longDate(record.calledIn!.on)}) and before scrutiny considered it on ${longDate(scrutiny)}, expected it acted on only after that`,
            record.fields.implemented ?? record.position,
          );
        }
      }
    }
  },
);
