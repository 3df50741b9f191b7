import type { Committee, Meeting, Member, Minute, Model, Recommendation } from '../model/types.js';
import { normaliseName } from '../model/people.js';

export { normaliseName };

/** Lookups built once per lint run, so cross-document rules never scan inside scans. */
export class LintIndex {
  readonly committees = new Map<string, Committee>();
  private readonly neighbours = new Map<
    string,
    { previous: Meeting | null; next: Meeting | null; previousOrdinary: Meeting | null; nextOrdinary: Meeting | null }
  >();
  private readonly members = new Map<string, Map<string, Member>>();
  readonly registerRefs = new Map<string, Recommendation>();
  private readonly minuteIndex = new Map<string, Map<string, Minute>>();
  private readonly byDate = new Map<string, Meeting>();
  /** For each committee, the meetings whose minutes hold a number, in date order. */
  private readonly minuteOwners = new Map<string, Map<string, Meeting[]>>();

  constructor(readonly model: Model) {
    for (const committee of model.committees) {
      this.committees.set(committee.id, committee);
      // Meetings are in folder order; neighbours skip cancelled ones. One pass each way.
      let previous: Meeting | null = null;
      let previousOrdinary: Meeting | null = null;
      for (const meeting of committee.meetings) {
        this.neighbours.set(meeting.id, { previous, next: null, previousOrdinary, nextOrdinary: null });
        if (meeting.status !== 'cancelled') previous = meeting;
        if (meeting.status !== 'cancelled' && !meeting.special) previousOrdinary = meeting;
      }
      let next: Meeting | null = null;
      let nextOrdinary: Meeting | null = null;
      for (const meeting of [...committee.meetings].reverse()) {
        const n = this.neighbours.get(meeting.id)!;
        n.next = next;
        n.nextOrdinary = nextOrdinary;
        if (meeting.status !== 'cancelled') next = meeting;
        if (meeting.status !== 'cancelled' && !meeting.special) nextOrdinary = meeting;
      }
      const names = new Map<string, Member>();
      for (const member of committee.members) {
        for (const name of [member.name, ...member.aliases]) names.set(normaliseName(name), member);
      }
      this.members.set(committee.id, names);
      const owners = new Map<string, Meeting[]>();
      for (const meeting of committee.meetings) {
        if (!this.byDate.has(`${committee.id}/${meeting.date}`)) this.byDate.set(`${committee.id}/${meeting.date}`, meeting);
        for (const minute of meeting.minutes?.minutes ?? []) {
          if (!minute.number) continue;
          const key = minute.number.raw.toUpperCase();
          owners.set(key, [...(owners.get(key) ?? []), meeting]);
        }
      }
      this.minuteOwners.set(committee.id, owners);
    }
    for (const register of model.registers) {
      for (const rec of register.recommendations) if (!this.registerRefs.has(rec.ref)) this.registerRefs.set(rec.ref, rec);
    }
  }

  /** The committee's meeting before this one, cancelled meetings skipped. */
  previous(meeting: Meeting): Meeting | null {
    return this.neighbours.get(meeting.id)?.previous ?? null;
  }

  next(meeting: Meeting): Meeting | null {
    return this.neighbours.get(meeting.id)?.next ?? null;
  }

  /** The committee's ordinary meeting before this one: special and cancelled meetings skipped. */
  previousOrdinary(meeting: Meeting): Meeting | null {
    return this.neighbours.get(meeting.id)?.previousOrdinary ?? null;
  }

  /** The committee's ordinary meeting after this one, at which its minutes are usually approved. */
  nextOrdinary(meeting: Meeting): Meeting | null {
    return this.neighbours.get(meeting.id)?.nextOrdinary ?? null;
  }

  member(committee: string, name: string): Member | undefined {
    return this.members.get(committee)?.get(normaliseName(name));
  }

  /** A meeting's minutes by number (`43`, `IAB17`). */
  minute(meeting: Meeting, number: string): Minute | undefined {
    let byNumber = this.minuteIndex.get(meeting.id);
    if (!byNumber) {
      byNumber = new Map((meeting.minutes?.minutes ?? []).flatMap((m) => (m.number ? [[m.number.raw.toUpperCase(), m]] : [])));
      this.minuteIndex.set(meeting.id, byNumber);
    }
    return byNumber.get(number.toUpperCase());
  }

  /** The committee's meeting held on a date, if it is in the content. */
  meetingOn(committee: string, date: string): Meeting | undefined {
    return this.byDate.get(`${committee}/${date}`);
  }

  /** The committee's meetings whose minutes hold this number, in date order. */
  meetingsWithMinute(committee: string, number: string): Meeting[] {
    return this.minuteOwners.get(committee)?.get(number.toUpperCase()) ?? [];
  }
}
