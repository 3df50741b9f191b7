import type { Rule } from '../rule.js';
import dateWeekday from './date-weekday.js';
import dateInvalid from './date-invalid.js';
import futureMeetingDates from './future-meeting-dates.js';
import previousMinutesDate from './previous-minutes-date.js';
import nextMeetingDate from './next-meeting-date.js';
import publicationDeadline from './publication-deadline.js';
import actionOverdue from './action-overdue.js';
import agendaNumbering from './agenda-numbering.js';
import minuteNumbering from './minute-numbering.js';
import resolutionNumbering from './resolution-numbering.js';
import paragraphNumbering from './paragraph-numbering.js';
import strandNumbering from './strand-numbering.js';
import registerRefs from './register-refs.js';
import statedCount from './stated-count.js';
import resolutionMissing from './resolution-missing.js';
import resolutionEmpty from './resolution-empty.js';
import minutesApproval from './minutes-approval.js';
import minuteReference from './minute-reference.js';
import declaration from './declaration.js';
import agendaMinutesMatch from './agenda-minutes-match.js';
import registerDecision from './register-decision.js';
import planCoverage from './plan-coverage.js';
import planRow from './plan-row.js';
import attendanceConflict from './attendance-conflict.js';
import attendanceUnknown from './attendance-unknown.js';
import quorum from './quorum.js';
import chairPresent from './chair-present.js';
import exemptParagraph from './exempt-paragraph.js';
import exemptExclusion from './exempt-exclusion.js';
import privateItem from './private-item.js';
import minutePrivate from './minute-private.js';
import meetingDate from './meeting-date.js';
import noPlaceholder from './no-placeholder.js';
import noDuplicateText from './no-duplicate-text.js';
import linkTarget from './link-target.js';
import frontmatter from './frontmatter.js';
import pdfAccessible from './pdf-accessible.js';
import reportImplications from './report-implications.js';
import reportSections from './report-sections.js';
import reportBackgroundPapers from './report-background-papers.js';
import paperAccessibility from './paper-accessibility.js';
import reportClearance from './report-clearance.js';
import reportDeadline from './report-deadline.js';
import urgentItem from './urgent-item.js';
import keyDecisionNotice from './key-decision-notice.js';
import interestRegistered from './interest-registered.js';
import voteCount from './vote-count.js';
import budgetNamedVotes from './budget-named-votes.js';
import membershipOnDate from './membership-on-date.js';
import substituteValid from './substitute-valid.js';
import interestParticipation from './interest-participation.js';
import memberAbsence from './member-absence.js';
import forwardPlanFields from './forward-plan-fields.js';
import privateMeetingNotice from './private-meeting-notice.js';
import decisionRecord from './decision-record.js';
import callIn from './call-in.js';
import forwardPlanDue from './forward-plan-due.js';
import specialUrgencyReport from './special-urgency-report.js';
import keyDecisionMaker from './key-decision-maker.js';

/** Every rule, in the catalogue's order. Adding a rule means adding it here: the registry is explicit. */
export const RULES: readonly Rule[] = [
  dateWeekday,
  dateInvalid,
  futureMeetingDates,
  previousMinutesDate,
  nextMeetingDate,
  publicationDeadline,
  actionOverdue,
  agendaNumbering,
  minuteNumbering,
  resolutionNumbering,
  paragraphNumbering,
  strandNumbering,
  registerRefs,
  statedCount,
  resolutionMissing,
  resolutionEmpty,
  minutesApproval,
  minuteReference,
  declaration,
  agendaMinutesMatch,
  registerDecision,
  planCoverage,
  planRow,
  attendanceConflict,
  attendanceUnknown,
  quorum,
  chairPresent,
  exemptParagraph,
  exemptExclusion,
  privateItem,
  minutePrivate,
  meetingDate,
  noPlaceholder,
  noDuplicateText,
  linkTarget,
  frontmatter,
  pdfAccessible,
  reportImplications,
  reportSections,
  reportBackgroundPapers,
  paperAccessibility,
  reportClearance,
  reportDeadline,
  urgentItem,
  keyDecisionNotice,
  interestRegistered,
  voteCount,
  budgetNamedVotes,
  membershipOnDate,
  substituteValid,
  interestParticipation,
  memberAbsence,
  forwardPlanFields,
  privateMeetingNotice,
  decisionRecord,
  callIn,
  forwardPlanDue,
  specialUrgencyReport,
  keyDecisionMaker,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
