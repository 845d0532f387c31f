/** Case, spaces, separators and punctuation are ignored when matching labels and headers. */
export function labelKey(value: string): string {
  return value.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}
