// What each declared purpose (policy `intendedUse`) is forbidden by, term by term. The
// mapping follows DUO's definitions [S57] and domain.md D's table "Training an ML model
// under DUO"; the rows marked (judgement) there are judgement here too, and say so in
// their reason. docs/rules/consent-scope-mismatch.md lists the same table with sources.
import type { Purpose } from '../policy/policy';
import type { RowTerms } from './rowTerms';

/** A purpose as messages name it: "commercial", "disease MONDO:0005148". */
export function purposeLabel(purpose: Purpose): string {
  return typeof purpose === 'string' ? purpose : `disease ${purpose.disease}`;
}

export interface ScopeConflict {
  purpose: string;
  /** One sentence per term that forbids the purpose, each naming the term. */
  reasons: string[];
  /** The shorthands of the terms that forbid it. */
  terms: string[];
}

/** Purposes that describe a use without naming its disease: DS needs a declared disease for them. */
const FACETS = new Set(['health-research', 'genetic', 'non-genetic', 'commercial', 'clinical-care']);

function dsDiseases(terms: RowTerms): string {
  return terms.diseases.length ? terms.diseases.join(', ') : 'its disease (none recorded)';
}

/** The declared purposes this row's terms forbid, with the reasons. */
export function scopeConflicts(terms: RowTerms, purposes: readonly Purpose[]): ScopeConflict[] {
  const has = (s: string) => terms.shorthands.includes(s);
  const named = purposes.map(purposeLabel);
  const declaredDiseases = purposes.filter((p): p is { disease: string } => typeof p !== 'string').map((p) => p.disease);
  const conflicts: ScopeConflict[] = [];
  for (const purpose of purposes) {
    const reasons: [string, string][] = [];
    const add = (term: string, reason: string) => reasons.push([term, reason]);
    const p = typeof purpose === 'string' ? purpose : undefined;
    if (p === 'ancestry-research') {
      if (has('HMB')) add('HMB', 'HMB (DUO:0000006) permits health, medical or biomedical research and "does not include the study of population origins or ancestry" (DUO)');
      if (has('DS')) add('DS', 'DS (DUO:0000007) narrows HMB to research on its disease, so ancestry research is excluded (DUO)');
      if (has('NPOA')) add('NPOA', 'NPOA (DUO:0000044) prohibits population origins or ancestry research (DUO)');
    } else if (has('POA') && !named.includes('ancestry-research')) {
      add('POA', 'POA (DUO:0000011) permits population origins or ancestry research only, and ancestry-research is not among the declared uses (DUO)');
    }
    if (p === 'methods-development') {
      if (has('NMDS')) add('NMDS', 'NMDS (DUO:0000015) does not allow methods development research such as software or algorithms (DUO; Consent Codes)');
      if (has('DS')) add('DS', `DS (DUO:0000007) permits research on ${dsDiseases(terms)} only; a general-purpose model goes beyond it (judgement)`);
    }
    if (p === 'commercial') {
      if (has('NPU')) add('NPU', 'NPU (DUO:0000045) limits use to not-for-profit organisations (DUO)');
      if (has('NCU')) add('NCU', 'NCU (DUO:0000046) limits use to non-commercial use (DUO)');
      if (has('NPUNCU')) add('NPUNCU', 'NPUNCU (DUO:0000018) limits use to not-for-profit organisations and non-commercial use (DUO)');
    }
    if (p === 'non-genetic' && has('GSO')) {
      add('GSO', 'GSO (DUO:0000016) limits use to genetic studies; phenotype-only research is excluded (DUO)');
    }
    if (p === 'clinical-care' && !has('CC') && !has('NRES')) {
      add('CC', 'the terms lack CC (DUO:0000043), the modifier that allows clinical use and care; a model deployed in care needs it (judgement)');
    }
    if (typeof purpose !== 'string' && has('DS')) {
      if (terms.diseases.length === 0) add('DS', `DS (DUO:0000007) records no disease, so use for ${purpose.disease} cannot be confirmed (judgement)`);
      else if (!terms.diseases.includes(purpose.disease) && !terms.diseases.some((d) => declaredDiseases.includes(d))) {
        add('DS', `DS (DUO:0000007) permits research on ${terms.diseases.join(', ')} only, not ${purpose.disease} (DUO; descendant diseases are not resolved offline: judgement)`);
      }
    }
    if (p && FACETS.has(p) && has('DS') && declaredDiseases.length === 0) {
      add('DS', `DS (DUO:0000007) permits research on ${dsDiseases(terms)} only, and intendedUse declares no disease (judgement)`);
    }
    if (reasons.length > 0) conflicts.push({ purpose: purposeLabel(purpose), reasons: reasons.map(([, r]) => r), terms: reasons.map(([t]) => t) });
  }
  return conflicts;
}
