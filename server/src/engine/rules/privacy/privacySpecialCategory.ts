// privacy-special-category: once per file, the GDPR Art. 9 special categories present
// (genetic data, health data, racial or ethnic origin) [S67-S69]: processing them needs an
// Art. 9(2) condition, and health data about people in the US falls under HIPAA. The
// message names the columns and what the policy can declare.
import { labelKey } from '../../ancestry/labelKey';
import { DIAGNOSIS, OPTIONAL_CONCEPTS } from '../../phenotype/concepts';
import { headerWords } from '../../phenotype/identifiers';
import type { DatasetRule } from '../rule';
import { privacyState } from './common';

const GENETIC_WORDS = new Set(['genotype', 'genotypes', 'allele', 'alleles', 'variant', 'variants', 'snp', 'snps', 'rsid', 'hgvs', 'chrom', 'chromosome', 'zygosity', 'haplotype', 'haplogroup', 'vcf', 'mutation', 'mutations', 'prs', 'polygenic', 'karyotype']);
const HEALTH_WORDS = new Set(['diag', 'diagnosis', 'diagnoses', 'disease', 'condition', 'conditions', 'medication', 'medications', 'drug', 'drugs', 'a1c', 'a1cresult', 'glucose', 'insulin', 'readmitted', 'symptom', 'symptoms', 'procedure', 'procedures', 'hpo', 'icd', 'icd10', 'phenotype', 'lab', 'diabetes', 'cancer', 'tumor', 'tumour', 'bmi', 'diabetesmed', 'hospital', 'admission', 'discharge']);
const ORIENTATION_WORDS = new Set(['orientation', 'sexuality', 'orient']);
const RELIGION_WORDS = new Set(['religion', 'religious', 'faith']);
const HEALTH_CONCEPTS = [DIAGNOSIS, ...OPTIONAL_CONCEPTS.filter((c) => ['bmi', 'height', 'weight'].includes(c.name))];

function isGenetic(name: string): boolean {
  return headerWords(name).some((w) => GENETIC_WORDS.has(w)) || /^(rs\d+|chr[0-9xy]+)/.test(labelKey(name));
}

function isHealth(name: string): boolean {
  return HEALTH_CONCEPTS.some((c) => c.matches(name)) || headerWords(name).some((w) => HEALTH_WORDS.has(w));
}

const COLUMNS_SHOWN = 6;

function list(names: string[]): string {
  const shown = names.slice(0, COLUMNS_SHOWN).map((n) => `"${n}"`).join(', ');
  return names.length > COLUMNS_SHOWN ? `${shown} and ${names.length - COLUMNS_SHOWN} more` : shown;
}

/** The categories present, as many as fit one line, then "and N more". */
function kinds(what: string[], budget = 80): string {
  let shown = 0;
  let used = 0;
  for (const w of what) {
    if (shown > 0 && used + w.length + 2 > budget) break;
    used += w.length + 2;
    shown++;
  }
  const text = what.slice(0, shown).join(', ');
  return shown < what.length ? `${text} and ${what.length - shown} more` : text;
}

export type PrivacySpecialCategoryMessages = {
  special: { categories: Record<string, string[]>; legalBasis: string | undefined; deidentification: string | undefined };
};

export const privacySpecialCategory: DatasetRule<PrivacySpecialCategoryMessages> = {
  id: 'privacy-special-category',
  defaultSeverity: 'information',
  description: 'Once per file: genetic, health or racial/ethnic origin data about people is present (GDPR Art. 9 special categories; HIPAA).',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    special: 'Special-category columns (GDPR Art. 9) beside identifiers.',
  },
  check(context) {
    const state = privacyState(context);
    if (!state || !state.plan.personLevel) return [];
    const { header, ancestry } = state.plan;
    const named = header.map((name, index) => ({ name, index })).filter((c) => c.name.trim() !== '');
    const found = {
      genetic: named.filter((c) => isGenetic(c.name)).map((c) => c.name),
      health: named.filter((c) => !ancestry.includes(c.index) && isHealth(c.name)).map((c) => c.name),
      'racial or ethnic origin': ancestry.map((i) => header[i]),
      'sex life or sexual orientation': named.filter((c) => headerWords(c.name).some((w) => ORIENTATION_WORDS.has(w))).map((c) => c.name),
      'religious beliefs': named.filter((c) => headerWords(c.name).some((w) => RELIGION_WORDS.has(w))).map((c) => c.name),
    };
    const present = Object.entries(found).filter(([, names]) => names.length > 0);
    if (present.length === 0) return [];
    const { legalBasis, deidentification } = context.policy.privacy;
    const declared = legalBasis || deidentification
      ? ` The policy declares${legalBasis ? ` the legal basis "${legalBasis}"` : ''}${legalBasis && deidentification ? ' and' : ''}${deidentification ? ` de-identification by ${deidentification}` : ''}.`
      : ' Declare the Art. 9(2) condition (privacy.legalBasis) and how the data is de-identified (privacy.deidentification: safe-harbor | expert-determination) in the policy file.';
    const first = present[0][1][0];
    return [{
      messageId: 'special',
      range: context.headerCell(header.indexOf(first)),
      message: `Special-category data (GDPR Art. 9): ${kinds(present.map(([what]) => what))}`,
      detail: `Special-category personal data (GDPR Art. 9(1)): ${present.map(([what, names]) => `${what} (${list(names)})`).join('; ')}. ` +
        `Processing it needs an Art. 9(2) condition such as explicit consent or research with a legal basis${found.health.length > 0 ? ', and health data about people in the US is covered by HIPAA' : ''}.${declared}`,
      data: { categories: Object.fromEntries(present), legalBasis, deidentification },
    }];
  },
};
