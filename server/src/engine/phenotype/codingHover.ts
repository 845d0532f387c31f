// The hover on a code column's header: the code systems its values were read as, with
// counts, how many values fit more than one system, and examples by shape (digits as 9),
// never by value: a diagnosis code is a health fact about a person.
import { count, percent } from '../format';
import { contains, type HoverProvider } from '../hover';
import { consistencyState } from '../rules/phenotype/consistency';
import { codingOf, MIN_OTHER_SHARE, MIN_OTHER_VALUES } from './codingOfColumn';
import { markdownCell } from '../markdown';

export const codingHover: HoverProvider = (analysis, position) => {
  if (analysis.kind !== 'dataset') return undefined;
  const state = consistencyState(analysis);
  const tally = state?.columns.find((c) => c !== undefined && contains(analysis.headerCell(c.index), position));
  if (!tally) return undefined;
  const coding = codingOf(tally, analysis.policy.phenotype.codeSystem);
  if (!coding) return undefined;
  const lines = [
    `**Cohort Lint: code systems in "${markdownCell(tally.name)}"**`,
    '',
    '| system | values | share | only this system fits | examples by shape |',
    '|---|---:|---:|---:|---|',
    ...coding.systems.map((s) => `| ${s.system}${s.system === coding.primary ? ' (primary)' : ''} | ${count(s.count)} | ${percent(s.count / coding.coded)} | ${count(s.unambiguous)} | ${s.shapes.map((x) => `\`${x}\``).join(', ')} |`),
    '',
    `${count(coding.coded)} of ${count(coding.nonMissing)} non-missing values are codes; ${count(coding.ambiguous)} fit more than one system by shape (ICD-9-CM V/E codes and ICD-10) and are read as the system the column supports most.`,
    coding.declared
      ? `phenotype.codeSystem declares ${coding.declared}: any other system is reported.`
      : `Another system is reported with at least ${MIN_OTHER_VALUES} values and ${percent(MIN_OTHER_SHARE)} of the codes in shapes only it allows.`,
  ];
  return lines.join('\n');
};
