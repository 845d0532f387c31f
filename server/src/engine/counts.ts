// Counts kept in maps (value -> rows), as the profile and the row scans keep them: one
// more of a key, a map of counts added into another (blocks merged, profile/blocks.ts),
// and how many keys a merge would add (checked against a cap before merging).

/** Adds `by` (1 unless given) to `key`'s count; a new key is appended. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Adds `from`'s counts into `into`; keys new to `into` are appended in `from`'s order. */
export function addCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [key, n] of from) into.set(key, (into.get(key) ?? 0) + n);
}

/** How many of `keys` `into` lacks (a key repeated in `keys` counts each time). */
export function newKeys<K>(into: { has(key: K): boolean }, keys: Iterable<K>): number {
  let n = 0;
  for (const key of keys) if (!into.has(key)) n++;
  return n;
}
