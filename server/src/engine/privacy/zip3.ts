// HIPAA Safe Harbor keeps the first three digits of a ZIP code only when the 3-digit area
// has more than 20,000 people; these, from the Census 2000 figures in HHS's
// de-identification guidance, must become 000 (../shared/docs/domain.md, section G).
export const RESTRICTED_ZIP3: ReadonlySet<string> = new Set([
  '036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893',
]);

const ZIP5 = /^(\d{5})(-\d{4})?$/;
const ZIP3 = /^\d{3}$/;

/** Safe Harbor's form of a US ZIP value: the first three digits, or 000; undefined for anything else. */
export function safeHarborZip(value: string): string | undefined {
  const v = value.trim();
  const five = ZIP5.exec(v);
  const three = five ? five[1].slice(0, 3) : ZIP3.test(v) ? v : undefined;
  if (three === undefined) return undefined;
  return RESTRICTED_ZIP3.has(three) ? '000' : three;
}

export function isZip5(value: string): boolean {
  return ZIP5.test(value.trim());
}

export function isRestrictedZip3(value: string): boolean {
  const v = value.trim();
  return ZIP3.test(v) && RESTRICTED_ZIP3.has(v);
}

/** A UK postcode or its outward code (LA4, RM17, SW1A 1AA), a Canadian FSA (K1A), ...: smaller than a state. */
export function isOtherPostalCode(value: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]?( ?\d[A-Z]{2})?$/i.test(value.trim()) || /^[A-Z]\d[A-Z]( ?\d[A-Z]\d)?$/i.test(value.trim());
}
