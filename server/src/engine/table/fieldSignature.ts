// A table recognised by its header: it is the first table whose signature fields the
// header holds every one of, in any case and any order (omopVocabulary.ts, omopSystemTable.ts).

export interface SignatureMatch<T> {
  /** The signature's table entry. */
  entry: T;
  /** The header index of its first signature field, where a finding sits. */
  idColumn: number;
  /** How many signature fields it has (all found). */
  fields: number;
}

/** The first entry whose every `fields(entry)` name the header holds (trimmed, any case). */
export function matchSignature<T>(header: readonly string[], entries: readonly T[], fields: (entry: T) => readonly string[]): SignatureMatch<T> | undefined {
  const names = header.map((name) => name.trim().toLowerCase());
  for (const entry of entries) {
    const at = fields(entry).map((f) => names.indexOf(f));
    if (at.every((i) => i >= 0)) return { entry, idColumn: at[0], fields: at.length };
  }
  return undefined;
}
