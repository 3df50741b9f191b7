import type { DocumentBody, Meeting, Model } from '../model/types.js';

/** Every Markdown document in the model, each once, with the meeting it belongs to (if any). */
export function* documents(model: Model): Generator<{ doc: DocumentBody; meeting: Meeting | null }> {
  for (const committee of model.committees) {
    for (const meeting of committee.meetings) {
      if (meeting.agenda) yield { doc: meeting.agenda, meeting };
      for (const s of meeting.supplements) yield { doc: s, meeting };
      for (const paper of meeting.papers) {
        yield { doc: paper, meeting };
        for (const a of paper.appendices) if (a.body) yield { doc: a.body, meeting };
      }
      if (meeting.minutes) yield { doc: meeting.minutes, meeting };
    }
  }
  for (const plan of model.plans) for (const strand of plan.strands) yield { doc: strand, meeting: null };
  for (const register of model.registers) yield { doc: register, meeting: null };
}
