// A datasheet-style summary, under the headings of Gebru et al., "Datasheets for Datasets"
// (Communications of the ACM 64(12), 2021), where the analysis can answer them: motivation
// (the declared use), composition (what the rows are, who is in them, what is missing,
// what is sensitive), uses (the consent terms), and known gaps. Questions the data cannot
// answer (how it was collected, who funded it) are left for the dataset's authors.
import type { Policy } from '../policy/policy';
import type { ReportModel } from './model';

export interface DatasheetEntry {
  heading: 'Motivation' | 'Composition' | 'Collection process' | 'Uses' | 'Known gaps';
  question: string;
  answer: string;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function purposes(policy: Policy): string {
  return policy.intendedUse.map((p) => (typeof p === 'string' ? p : `disease ${p.disease}`)).join(', ');
}

export function datasheet(model: ReportModel, policy: Policy): DatasheetEntry[] {
  const { dataset, representation, consent, inclusion } = model;
  const entries: DatasheetEntry[] = [];
  entries.push({
    heading: 'Motivation', question: 'For what purpose was the dataset created?',
    answer: policy.intendedUse.length > 0 ? `Declared use (policy intendedUse): ${purposes(policy)}.` : 'Not declared: the policy has no intendedUse.',
  });
  const who = dataset.participants ? `${dataset.participants.count.toLocaleString('en-US')} ${dataset.participants.noun} (by "${dataset.participants.column}") in ` : '';
  entries.push({ heading: 'Composition', question: 'What do the instances represent, and how many are there?', answer: `${who}${dataset.rows.toLocaleString('en-US')} rows × ${dataset.columns} columns.` });
  for (const r of representation) {
    const present = r.groups.filter((g) => g.count > 0).map((g) => `${g.group} ${pct(g.share)}`).join(', ');
    entries.push({
      heading: 'Composition', question: `Is it representative? ("${r.column}")`,
      answer: `${present}${r.reference ? `; compared with ${r.reference}` : '; no reference population applies'}. ${r.missing.toLocaleString('en-US')} ${r.unit} without a value.`,
    });
  }
  const privacy = model.areas.find((a) => a.id === 'privacy');
  const identifiers = privacy?.facts?.rows.map((row) => `"${row[0]}" (${row[1]})`) ?? [];
  entries.push({
    heading: 'Composition', question: 'Does it contain data that identify people or are sensitive?',
    answer: identifiers.length > 0 ? `Identifier columns: ${identifiers.join(', ')}.` : 'No identifier column was found by the privacy rules (which read headers and value shapes, not meaning).',
  });
  entries.push({ heading: 'Collection process', question: 'How was the data collected, over what timeframe?', answer: 'Not recorded in the dataset: for the authors to state.' });
  entries.push({
    heading: 'Uses', question: 'What consent governs its use?',
    answer: consent
      ? `${consent.usable.toLocaleString('en-US')} of ${consent.rows.toLocaleString('en-US')} rows have usable consent (columns ${consent.columns.map((c) => `"${c}"`).join(', ')}; judged on ${consent.today}); ${consent.quarantined.toLocaleString('en-US')} would be moved to ${consent.quarantineFile}.`
      : 'No consent column: the rows carry no consent terms (see consent-field-missing).',
  });
  const gaps: string[] = [];
  for (const r of representation) {
    const absent = r.groups.filter((g) => g.absent).map((g) => g.group);
    const under = r.groups.filter((g) => g.under && !g.absent).map((g) => g.group);
    if (absent.length) gaps.push(`absent from "${r.column}": ${absent.join(', ')}`);
    if (under.length) gaps.push(`under-represented in "${r.column}": ${under.join(', ')}`);
  }
  const disparate = model.missingness.flatMap((m) => m.rows.filter((row) => row.significant).map((row) => row.column));
  if (disparate.length) gaps.push(`missing more often in some groups: ${disparate.map((c) => `"${c}"`).join(', ')}`);
  if (inclusion?.shortfalls.length) gaps.push(`${inclusion.shortfalls.length} NIH inclusion cells short of plan`);
  entries.push({ heading: 'Known gaps', question: 'Are there known errors, gaps or biases?', answer: gaps.length > 0 ? `${gaps.join('; ')}.` : 'None found by the rules that ran.' });
  return entries;
}
