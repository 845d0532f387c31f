// The cross-table findings of a dataset that belongs to a cohort: its rows are read
// against the cohort's other tables (streamed from disk, keys only) and the cohort rules
// run on the result. A dataset in no cohort gets nothing here and costs one lookup.
import type { DatasetAnalysis, LintOptions } from '../lintDataset';
import { checkRule, internalError } from '../isolation';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { COHORT_RULES } from '../rules/cohort';
import { markedCellRange } from '../rules/consent/common';
import { findDatasetSchema } from '../schema/findDatasetSchema';
import type { ReadFile } from '../schema/dataPackage';
import { delimiterFor } from '../table/parse';
import type { Finding } from '../types';
import type { CohortContext } from './context';
import { findCohort, samePath } from './discover';
import { FactsBuilder, tableFacts, type OpenText, type TableFacts } from './facts';
import { participantsTable, type CohortTable } from './model';
import { coveredBy, isCovered, NOTHING_COVERED, type CoveredElsewhere } from './coveredElsewhere';
import { forEachRow } from './readRows';
import { TargetScanner } from './targetScan';

const CONSENT_REASON = 'it records consent, and a participant without a row here has no recorded consent';

/** Why a table must list every participant, or undefined when it holds events. */
export function everyParticipantReason(table: CohortTable, facts: TableFacts): string | undefined {
  if (table.role === 'participants') return undefined;
  if (table.everyParticipant === false) return undefined;
  if (table.everyParticipant) return table.everyParticipantReason ?? 'the cohort says so';
  return facts.recordsConsent ? CONSENT_REASON : undefined;
}

/** Each data row of the analysed dataset: from the document, or from disk when it was streamed. */
function eachRow(analysis: DatasetAnalysis, streamed: boolean, visit: (values: readonly string[], line: number) => void): void {
  if (!streamed) {
    const { table } = analysis;
    for (const row of table.rows) visit(row.values, table.lines.positionAt(row.start).line);
    return;
  }
  forEachRow(analysis.path, delimiterFor(undefined, analysis.path), () => visit);
}

export interface CohortEnvironment {
  policy: LoadedPolicy;
  read: ReadFile;
  workspaceRoot?: string;
  options?: LintOptions;
  /** The dataset was streamed from disk (its analysis kept no rows): its rows are read again from there. */
  streamed?: boolean;
  /** The text of a table open in the editor; other tables are read from disk. */
  openText?: OpenText;
}

export interface CohortResult {
  findings: Finding[];
  /** What other tables of the cohort hold, so this one is not told it lacks it. */
  covered: CoveredElsewhere;
  /** Every table of the cohort; empty when the dataset belongs to none. */
  tables: string[];
  /** On the participants table when no table of the cohort records consent: the other tables, whose finding this one stands for. */
  consentForCohort?: string[];
}

export function cohortFindings(analysis: DatasetAnalysis, environment: CohortEnvironment): CohortResult {
  const { policy: loaded, read, workspaceRoot, options = {}, streamed = false, openText } = environment;
  const guard = { policy: loaded.policy, policyPath: loaded.path, ruleSeverity: options.ruleSeverity };
  try {
    const cohort = findCohort(analysis.path, loaded, read, workspaceRoot);
    const target = cohort?.tables.find((t) => samePath(t.path, analysis.path));
    if (!cohort || !target) return { findings: [], covered: NOTHING_COVERED, tables: [] };
    // A first row of data read as the header names no key column: the cohort rules would
    // report the key as missing when it is only unnamed (rules/tableHeaderMissing.ts says so).
    if (analysis.headerAsData) return { findings: [], covered: NOTHING_COVERED, tables: cohort.tables.map((t) => t.path) };
    const policy = loaded.policy;
    const schemaFor = (file: string) => {
      try { return findDatasetSchema(file, loaded, read, workspaceRoot); } catch { return undefined; }
    };
    const participants = participantsTable(cohort);
    const others = cohort.tables.filter((t) => t !== target && t !== participants).map((table) => ({ table, facts: tableFacts(table, policy, schemaFor, analysis.today, openText) }));
    const own = new FactsBuilder(analysis.table.header, target, policy, analysis.schema, analysis.today);
    // Its own key set is read only when it must list every participant.
    own.keepKeys = everyParticipantReason(target, own.facts) !== undefined;
    const participantsFacts = target === participants ? own.facts : tableFacts(participants, policy, schemaFor, analysis.today, openText);
    const keyAt = own.facts.keyAt;
    const scanner = keyAt && new TargetScanner({
      target, keyAt, participantsTable: participants, participants: participantsFacts,
      others, everyParticipant: (t, f) => everyParticipantReason(t, f) !== undefined,
    });
    eachRow(analysis, streamed, (values, line) => { own.row(values, line); scanner?.row(values, line); });
    const context: CohortContext = {
      path: analysis.path, cohort, target, targetFacts: own.facts,
      participants: { table: participants, facts: participantsFacts },
      everyParticipant: everyParticipantReason(target, own.facts),
      scan: scanner?.result ?? { keyAt: [0], consent: [], missingFrom: [] },
      header: analysis.table.header,
      headerCell: analysis.headerCell,
      cellRange: (cell) => markedCellRange(analysis, cell),
    };
    const covered = coveredBy([participantsFacts, ...others.map((o) => o.facts)].filter((f) => f !== own.facts), policy);
    const noConsentAnywhere = !covered.consent && !own.facts.recordsConsent;
    if (noConsentAnywhere && target !== participants && participantsFacts.readable) covered.consentOnParticipants = true;
    return {
      findings: COHORT_RULES.flatMap((rule) => checkRule(rule, () => rule.check(context), guard)),
      covered,
      tables: cohort.tables.map((t) => t.path),
      ...(noConsentAnywhere && target === participants ? { consentForCohort: cohort.tables.filter((t) => t !== participants).map((t) => t.name) } : {}),
    };
  } catch (error) {
    return { findings: internalError('join this table with the other tables of its cohort', error, 'its cross-table findings are missing', guard), covered: NOTHING_COVERED, tables: [] };
  }
}

/** The analysis with its cross-table findings added, in line order, and the cohort's tables noted. */
export function withCohortFindings<A extends DatasetAnalysis>(analysis: A, environment: CohortEnvironment): A {
  const { findings: extra, covered, tables, consentForCohort } = cohortFindings(analysis, environment);
  // The editor relints this table when another of these changes.
  if (tables.length > 0) analysis.cohortTables = tables;
  const { options = {} } = environment;
  if (tables.length === 0 && extra.length === 0) return analysis;
  // What another table of the cohort holds reaches this one through the key.
  let findings = [...analysis.findings.filter((f) => !isCovered(f, covered)).map((f) => (consentForCohort ? forCohort(f, consentForCohort) : f)), ...extra];
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (options.maxProblems) findings = findings.slice(0, options.maxProblems);
  analysis.findings = findings;
  return analysis;
}

/** The participants table's "no consent column", said for the cohort: no other table records consent either. */
function forCohort(finding: Finding, others: string[]): Finding {
  if (finding.code !== 'consent-field-missing' || finding.data.kind !== 'no-column' || others.length === 0) return finding;
  const names = others.length <= 4 ? others.join(', ') : `${others.slice(0, 4).join(', ')} and ${others.length - 4} more`;
  const note = `No other table of this cohort (${names}) records consent either; this finding stands for the cohort and is reported on its participants table only.`;
  return {
    ...finding,
    message: `${finding.message} in any table of the cohort (${others.length + 1} tables)`,
    detail: finding.detail ? `${finding.detail} ${note}` : note,
    data: { ...finding.data, cohortTables: others.length + 1 },
  };
}
