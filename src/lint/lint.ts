import type { Model, ParseResult, RuleSetting, Severity } from '../model/types.js';
import { sortProblems } from '../parse/problems.js';
import { documents } from './documents.js';
import { LintIndex } from './model-index.js';
import { RULES, ruleById } from './rules/index.js';
import type { Finding, Rule, RuleContext } from './rule.js';
import { attendanceIn, type Attended } from './attendance.js';

export interface LintOptions {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** `--as-of`: the day overdue checks count from, outranking a plan's own date. */
  asOf?: string;
  /** Severities from the command line; they outrank `rules:` in boardpack.yml. */
  rules?: Record<string, RuleSetting>;
  /** Turn warnings into errors. */
  strict?: boolean;
  /** Every committee's attendance, where the model holds only some (a check by parts): see `RuleMeta.scope`. */
  attendance?: Attended[];
  /** Run only these rules, and report nothing else (the council-wide stage of a check by parts). */
  only?: ReadonlySet<string>;
  /** Enabled rules not run here, whose findings come from elsewhere (the council-scoped rules, in each part of a check by parts). */
  skip?: ReadonlySet<string>;
  /** When each file was first committed (an ISO instant, by path from the content folder), where `--submitted-from-git` asked git. */
  committed?: ReadonlyMap<string, string>;
}

export class UnknownRuleError extends Error {}

function severityOf(setting: RuleSetting | undefined, found: Severity): Severity {
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  return found;
}

/** The rules that will run and how each is set, after boardpack.yml and the command line. */
export function ruleSettings(configured: Record<string, RuleSetting>, given: Record<string, RuleSetting> = {}) {
  const settings = { ...configured, ...given };
  for (const id of Object.keys(settings)) {
    if (!ruleById(id)) throw new UnknownRuleError(`Unknown rule "${id}"; run boardpack rules to list them`);
  }
  return settings;
}

/** Run every enabled rule over a parsed content folder; parse problems become findings of their rule. */
export function lint(parsed: ParseResult, options: LintOptions): { findings: Finding[]; rules: Rule[] } {
  const { model, problems } = parsed;
  const settings = ruleSettings(model.config.rules, options.rules);
  const only = options.only;
  const enabled = RULES.filter((rule) => settings[rule.meta.id] !== 'off' && (!only || only.has(rule.meta.id)));
  const index = new LintIndex(model);
  const findings: Finding[] = [];

  let attended: Attended[] | undefined = options.attendance;
  const attendance = () => (attended ??= attendanceIn(model));

  for (const problem of only ? [] : problems) {
    // A problem no rule owns (an unreadable file) is always reported, like a parse error in a code linter.
    if (ruleById(problem.code)) continue;
    findings.push({ ruleId: null, severity: 'error', message: problem.message, position: problem.position });
  }

  for (const rule of enabled) {
    if (options.skip?.has(rule.meta.id)) continue;
    const context: RuleContext = {
      model,
      index,
      asOf: options.asOf ?? options.today,
      asOfGiven: options.asOf !== undefined,
      attendance,
      firstCommitted: (file) => options.committed?.get(file) ?? null,
      problems: problems.filter((p) => p.code === rule.meta.id),
      report(message, position, extra = {}) {
        findings.push({
          ruleId: rule.meta.id,
          severity: severityOf(settings[rule.meta.id], extra.severity ?? rule.meta.severity),
          message,
          position,
          ...(extra.related ? { related: extra.related } : {}),
        });
      },
    };
    rule.check(context);
  }

  const kept = applySuppressions(model, findings, !only);
  if (options.strict) for (const f of kept) f.severity = 'error';
  return { findings: sortProblems(kept), rules: enabled };
}

/**
 * Findings less those a suppression comment names, on the line after it; a
 * comment that suppresses nothing is reported, as ESLint reports an unused
 * disable directive, so that none outlives the fault it was written for.
 */
function applySuppressions(model: Model, findings: Finding[], reportUnused: boolean): Finding[] {
  const suppressions = [...documents(model)].flatMap(({ doc }) => (doc.suppressions ?? []).map((s) => ({ ...s, file: doc.file, used: false })));
  if (suppressions.length === 0) return findings;
  const kept = findings.filter((f) => {
    const by = suppressions.find((s) => s.file === f.position.file && s.line === f.position.line && f.ruleId !== null && s.rules.includes(f.ruleId));
    if (by) by.used = true;
    return !by;
  });
  if (!reportUnused) return kept;
  const seen = new Set<string>();
  for (const s of suppressions) {
    const key = `${s.file}:${s.position.line}:${s.position.column}`;
    if (s.used || seen.has(key)) continue;
    seen.add(key);
    kept.push({
      ruleId: null,
      severity: 'warning',
      message: `Unexpected boardpack-disable-next-line ${s.rules.join(', ') || '(no rule)'}: nothing on line ${s.line} is reported by ${s.rules.length === 1 ? 'that rule' : 'those rules'}, expected the comment removed`,
      position: s.position,
    });
  }
  return kept;
}
