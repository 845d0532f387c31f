// privacy-quasi-identifier: k-anonymity over the quasi-identifiers [S75]. Rows whose
// combination of generalised geography, birth year or age, sex and ancestry (or the
// policy's privacy.quasiIdentifiers) is shared by fewer than k rows (privacy.k, 11 after
// CMS) can be singled out: {ZIP, sex, birth date} alone identified 87% of Americans [S76].
import { count, percent, rows } from '../../format';
import { assessK } from '../../privacy/kAnonymity';
import { attributeName, quasiAttributes, sameAttributeSentence } from '../../privacy/sameAttribute';
import { MAX_CLASSES } from '../../privacy/scan';
import type { DatasetRule } from '../rule';
import { namesWithin, privacyState } from './common';

/** *Judgement:* sex and ancestry alone are the small-cell table; k-anonymity needs geography or age too. */
const NEEDS: ReadonlySet<string> = new Set(['geography', 'birth', 'age', 'policy']);
/**
 * Safe Harbor's own identifiers among the quasi-identifiers: geography below the state and
 * dates (a birth year stands for the birth date). Without either, what is left (age under
 * 90, sex, race) is what a Safe Harbor data set may keep, and linking it to a name needs a
 * register of the same people: the finding is information, for an expert determination
 * to weigh, not a warning. *Judgement:* the combinations that singled people out ({ZIP,
 * sex, birth date}, 87% of Americans [S76]) stand on geography and dates. Quasi-identifiers
 * the policy lists keep the warning: the project judged them linkable.
 */
const LINKABLE: ReadonlySet<string> = new Set(['geography', 'birth', 'policy']);

export type PrivacyQuasiIdentifierMessages = {
  unique: { quasiIdentifiers: string[]; k: number; rows: number; classes: number; kMin: number; rowsBelowK: number; classesBelowK: number; mostContributing: string | undefined; without: Record<string, { kMin: number; rowsBelowK: number }>; uncountedRows: number; maxClasses: number; sameAttribute?: Record<string, string[]> };
};

export const privacyQuasiIdentifier: DatasetRule<PrivacyQuasiIdentifierMessages> = {
  id: 'privacy-quasi-identifier',
  defaultSeverity: 'warning',
  description: 'Rows whose combination of quasi-identifiers (generalised geography, birth year or age, sex, ancestry) is shared by fewer than k rows (k-anonymity, privacy.k = 11).',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    unique: 'Rows unique on their quasi-identifiers (k-anonymity).',
  },
  check(context) {
    const state = privacyState(context);
    if (!state || state.rows === 0) return [];
    const { plan } = state;
    if (plan.quasi.length < 2 || !plan.quasi.some((q) => NEEDS.has(q.kind))) return [];
    if (!plan.quasiFromPolicy && !plan.personLevel) return [];
    const k = context.policy.privacy.k;
    const groups = quasiAttributes(state);
    const a = assessK(state.classes, plan.quasi.length, k, groups);
    if (a.rowsBelowK === 0 && state.uncountedRows === 0) return [];
    const names = plan.quasi.map((q) => plan.header[q.index]);
    const top = a.mostContributing;
    const topGroup = top !== undefined ? groups[top] : undefined;
    const contributor = top !== undefined
      ? ` ${attributeName(names, topGroup!)} contributes most: without ${topGroup!.length > 1 ? 'them' : 'it'} the smallest class has ${rows(a.without[top].kMin)} and ${rows(a.without[top].rowsBelowK)} stay in classes below ${k}.`
      : '';
    const twice = groups.filter((g) => g.length > 1);
    const capped = state.uncountedRows > 0
      ? ` Only the first ${count(MAX_CLASSES)} combinations were counted; ${rows(state.uncountedRows)} with later ones are in no class (their risk is unknown, and likely high).`
      : '';
    const counted = a.rows;
    const linkable = plan.quasi.some((q) => LINKABLE.has(q.kind));
    const weight = linkable ? '' : ' None of them is a Safe Harbor identifier (no geography, no date): the data may keep them, so this is for an expert determination to weigh.';
    return [{
      messageId: 'unique',
      ...(linkable ? {} : { defaultSeverity: 'information' as const }),
      range: context.headerCell(plan.quasi[0].index),
      message: a.rowsBelowK > 0
        ? `${rows(a.rowsBelowK)} (${percent(counted ? a.rowsBelowK / counted : 0)}) in ${count(a.classesBelowK)} ${a.classesBelowK === 1 ? 'combination' : 'combinations'} of ${namesWithin(names, 50)} shared by fewer than k = ${k}`
        : `${rows(state.uncountedRows)} not checked for k-anonymity over ${namesWithin(names, 50)}: too many combinations`,
      detail: `k-anonymity over ${names.map((n) => `"${n}"`).join(', ')}${plan.quasiFromPolicy ? ' (privacy.quasiIdentifiers)' : ' (generalised: ZIP-3, birth year, 90+)'}: ` +
        `${rows(a.rowsBelowK)} of ${count(counted)} (${percent(counted ? a.rowsBelowK / counted : 0)}) are in ${count(a.classesBelowK)} classes smaller than k = ${k}; ` +
        `the smallest class has ${rows(a.kMin)} (re-identification risk 1/${a.kMin}).${sameAttributeSentence(names, groups)}${contributor}${capped} ` +
        `Generalise or remove a quasi-identifier, or set privacy.quasiIdentifiers and privacy.k.${weight}`,
      data: {
        quasiIdentifiers: names, k, rows: counted, classes: a.classes, kMin: a.kMin, rowsBelowK: a.rowsBelowK, classesBelowK: a.classesBelowK,
        mostContributing: topGroup !== undefined ? names[topGroup[0]] : undefined,
        // By attribute, named by its first column.
        without: Object.fromEntries(a.without.map((s, i) => [names[groups[i][0]], { kMin: s.kMin, rowsBelowK: s.rowsBelowK }])),
        uncountedRows: state.uncountedRows, maxClasses: MAX_CLASSES,
        ...(twice.length > 0 ? { sameAttribute: Object.fromEntries(twice.map((g) => [names[g[0]], g.slice(1).map((i) => names[i])])) } : {}),
      },
    }];
  },
};
