// The report as Markdown, for a pull request or an IRB submission: the same sections as
// the HTML page, every chart given as its table (Markdown renders no inline SVG on most
// hosts), findings linked to their line.
import { count, percent, pValue } from '../format';
import type { ReportFinding, ReportModel } from './model';
import { AREA_TITLES, inclusionNotes, inclusionRows, shownCount, shownShare, summaryText, SUPPRESSION_NOTE, title, type RenderOptions } from './text';

/** A table cell: pipes escaped, line breaks flattened. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.map(md).join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`), ''];
}

function findings(list: ReportFinding[], options: RenderOptions): string[] {
  if (list.length === 0) return ['No findings.', ''];
  const oneLine = (text: string) => text.replace(/\r?\n|\r/g, ' ');
  return [...list.map((f) => `- **${f.severity}** [${f.code}](${f.docs}) · [line ${f.line + 1}](${options.link(f.line, f.character)}): ${oneLine(f.message)}`
    + (f.detail ? `\n  <br>${oneLine(f.detail)}` : '')), ''];
}

export function renderMarkdown(model: ReportModel, options: RenderOptions): string {
  const out: string[] = [`# ${title(model)}`, '', summaryText(model), ''];
  if (options.suppressSmallCells) out.push(`_${SUPPRESSION_NOTE}_`, '');
  out.push('## Representation', '');
  if (model.representation.length === 0) out.push('No ancestry, race or ethnicity column was found.', '');
  for (const s of model.representation) {
    out.push(`### "${s.column}"`, '', `${count(s.total)} ${s.unit} with a value, ${count(s.missing)} missing. Reference: ${s.reference ?? 'none applies'}.`, '');
    out.push(...table(['group', 'n', 'share', '95% interval', 'reference', 'ratio', ''], s.groups.map((g) => [
      g.group, shownCount(g.count, options), shownShare(g.share), `${percent(g.ciLow)}–${percent(g.ciHigh)}`, shownShare(g.referenceShare), g.ratio === undefined ? '—' : g.ratio.toFixed(2),
      g.absent ? 'absent' : g.under ? 'under-represented' : g.unobserved ? 'not observed' : '',
    ])));
  }
  out.push('## Missingness by group', '');
  if (model.missingness.length === 0) out.push('No phenotype field was tested for missingness by group.', '');
  for (const s of model.missingness) {
    out.push(`### By "${s.ancestryColumn}"`, '');
    out.push(...table(['field', ...s.groups, 'p', ''], s.rows.map((r) => [
      r.column,
      ...s.groups.map((g) => {
        if (r.structural) return 'structural';
        const c = r.cells.find((x) => x.group === g);
        return c ? `${percent(c.share)}${r.significant && c.highest ? ' ▲' : ''}` : '—';
      }),
      r.pValue === undefined ? '—' : pValue(r.pValue),
      r.significant ? 'differs (phenotype-missingness-disparity)' : r.structural ? `structural: ${r.structural}` : '',
    ])));
  }
  out.push('## Consent', '');
  const c = model.consent;
  if (!c) out.push('No consent column: the rows carry no consent terms.', '');
  else {
    out.push(`${count(c.usable)} of ${count(c.rows)} rows have usable consent (withdrawal dates judged on ${c.today}); ${count(c.quarantined)} would be moved to \`${c.quarantineFile}\` by the quarantine fix.`, '');
    out.push(...table(['status', ...c.permissions], c.statuses.map((s) => [s, ...c.permissions.map((p) => shownCount(c.table[s]?.[p] ?? 0, options))])));
  }
  for (const a of model.areas) {
    out.push(`## ${a.title}`, '');
    if (a.facts) out.push(`${a.facts.caption}:`, '', ...table(a.facts.header, a.facts.rows));
    out.push(...findings(a.findings, options));
  }
  out.push('## NIH inclusion enrollment', '');
  if (!model.inclusion) out.push('Not computed: no race or ethnicity column in US categories was found.', '');
  else {
    const { header, rows } = inclusionRows(model.inclusion, options);
    out.push(...table(header, rows), ...inclusionNotes(model.inclusion).map((n) => `- ${n}`), '');
  }
  out.push('## Regulation map', '', 'What each finding area helps a reviewer look at; not a compliance assessment.', '');
  out.push(...table(['rule or policy', 'citation', 'why', 'related findings'], model.regulations.map((r) => [`[${r.name}](${r.url})`, r.citation, r.why, String(r.findings)])));
  out.push('## Datasheet', '', '_Headings from Gebru et al., "Datasheets for Datasets" (CACM 2021), where the analysis can answer them._', '');
  for (const e of model.datasheet) out.push(`- **${e.heading}** — ${e.question} ${e.answer}`);
  out.push('', '## All findings', '');
  for (const area of [...new Set(model.findings.map((f) => f.area))]) out.push(`### ${AREA_TITLES[area] ?? area}`, '', ...findings(model.findings.filter((f) => f.area === area), options));
  return out.join('\n');
}
