// Which columns record consent, and how: DUO codes, a consent status, a "withdrawn" flag
// or a withdrawal date. By header name, unless the policy names them (consent.column,
// consent.statusColumn, consent.withdrawalColumn).
import type { ConsentPolicy } from '../policy/policy';
import { withoutBom } from '../table/bom';

export type ConsentRole = 'codes' | 'status' | 'withdrawnFlag' | 'withdrawal';

export interface ConsentColumn {
  index: number;
  name: string;
  role: ConsentRole;
}

export interface ConsentColumns {
  columns: ConsentColumn[];
  /** Columns the policy names that the header lacks, with the policy key naming them. */
  missingNamed: { key: string; name: string }[];
}

/** Lower-case snake_case: "ConsentStatus", "consent status" and "consent-status" read alike. */
export function normaliseHeader(name: string): string {
  return withoutBom(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** consent_* columns about the consent process rather than its content. */
const NOT_CODES = /(^|_)(date|datetime|dt|time|timestamp|version|form|id|by|method|recontact|reconsent|comments?|notes?|source|language|witness|signed|expiry|expires|expiration|age|location|site|document|url|file|module)(_|$)/;
const CODES = /^consent(_(codes?|groups?|category|type|class|duo|terms?|use|data_use|scope|permissions?|restrictions?|modifiers?|limitations?))?$/;
const WITHDRAW = /(^|_)(withdraw|withdrawal|withdrawn|withdrew)(_|$)/;
const DATE_WORD = /(^|_)(date|datetime|dt|time|timestamp|on|at|day)(_|$)/;

export function consentRoleOf(header: string): ConsentRole | undefined {
  const h = normaliseHeader(header);
  if (!h) return undefined;
  if (WITHDRAW.test(h)) {
    if (DATE_WORD.test(h)) return 'withdrawal';
    if (/(^|_)(status|state)$/.test(h)) return 'status';
    return 'withdrawnFlag';
  }
  if (/(^|_)consent_?(status|state)(_|$)/.test(h)) return 'status';
  if (/^informed_?consent/.test(h) || /^(has_|is_)?consented$/.test(h) || /^consent_?(given|obtained|flag|yn|provided)$/.test(h)) {
    return NOT_CODES.test(h) ? undefined : 'status';
  }
  if (/^(data_?use|duo)(_|$)/.test(h) || CODES.test(h) || /(^|_)consent_(codes?|groups?)$/.test(h)) return 'codes';
  // Other consent_* columns are per-module consents (All of Us keeps one per module,
  // Yes/No [S56]): read as statuses.
  if (/^consent_/.test(h)) return NOT_CODES.test(h) ? undefined : 'status';
  return undefined;
}

export function detectConsentColumns(header: readonly string[], policy: ConsentPolicy): ConsentColumns {
  const named: [ConsentRole, string | undefined, string][] = [
    ['codes', policy.column, 'consent.column'],
    ['status', policy.statusColumn, 'consent.statusColumn'],
    ['withdrawal', policy.withdrawalColumn, 'consent.withdrawalColumn'],
  ];
  const columns: ConsentColumn[] = [];
  const missingNamed: ConsentColumns['missingNamed'] = [];
  const taken = new Set<number>();
  const namedRoles = new Set<ConsentRole>();
  for (const [role, name, key] of named) {
    if (name === undefined) continue;
    namedRoles.add(role);
    const index = header.findIndex((h) => h === name) >= 0 ? header.findIndex((h) => h === name) : header.findIndex((h) => normaliseHeader(h) === normaliseHeader(name));
    if (index < 0) missingNamed.push({ key, name });
    else if (!taken.has(index)) {
      taken.add(index);
      columns.push({ index, name: header[index], role });
    }
  }
  header.forEach((name, index) => {
    if (taken.has(index)) return;
    const role = consentRoleOf(name);
    if (!role) return;
    // A role the policy names is not guessed from headers as well.
    if (namedRoles.has(role) || (role === 'withdrawnFlag' && namedRoles.has('withdrawal'))) return;
    columns.push({ index, name, role });
  });
  columns.sort((a, b) => a.index - b.index);
  return { columns, missingNamed };
}
