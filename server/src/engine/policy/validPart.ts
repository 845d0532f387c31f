// The valid part of a policy: every value the JSON Schema rejects is removed (a key from
// its object, an entry from its list), so that key alone falls back to its default while
// every valid key still applies. One typo in `rules:` must not switch off `intendedUse`.
import type { ErrorObject, ValidateFunction } from 'ajv';

/** Rounds of pruning before giving up: a rejected entry can make its parent invalid (anyOf). */
const MAX_ROUNDS = 8;

export interface ValidPart {
  /** The policy object with every rejected value removed; undefined when nothing of it is usable. */
  value: Record<string, unknown> | undefined;
  /** The schema's errors on the policy as written (the first round), for config-invalid findings. */
  errors: ErrorObject[];
}

type Segment = string | number;

/** An error's location as path segments; for an unknown key, the key itself. */
export function errorSegments(error: ErrorObject): Segment[] {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const segments: Segment[] = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === 'additionalProperties') segments.push(String((error.params as { additionalProperty?: unknown }).additionalProperty));
  return segments;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Removes the values at `paths` from `root` (a copy the caller owns); false when the root itself is rejected. */
function prune(root: Record<string, unknown>, paths: Segment[][]): boolean {
  // List entries are removed after all keys, highest index first, so indices stay right.
  const listRemovals = new Map<unknown[], Set<number>>();
  for (const path of paths) {
    if (path.length === 0) return false;
    let parent: unknown = root;
    for (const segment of path.slice(0, -1)) {
      parent = isContainer(parent) ? (parent as Record<string, unknown>)[segment as string] : undefined;
    }
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') {
      const set = listRemovals.get(parent) ?? new Set<number>();
      set.add(last);
      listRemovals.set(parent, set);
    } else if (isContainer(parent) && !Array.isArray(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
      delete (parent as Record<string, unknown>)[String(last)];
    }
  }
  for (const [list, indices] of listRemovals) {
    for (const index of [...indices].sort((a, b) => b - a)) list.splice(index, 1);
  }
  return true;
}

/**
 * The paths no other path lies under. A value that fits none of a key's alternatives
 * (anyOf) draws errors at the key and at the entry that is wrong; removing only that entry
 * keeps its valid siblings, and the next round removes more if the rest is still invalid.
 */
function deepest(paths: Segment[][]): Segment[][] {
  const key = (path: Segment[]) => path.map(String).join('\u0000');
  return paths.filter((path) => !paths.some((other) => other.length > path.length && key(other.slice(0, path.length)) === key(path)));
}

/**
 * Validates `raw` and, while it is invalid, removes what the errors point at. Values are
 * plain data from YAML/JSON, so a structured clone is a faithful copy to prune.
 */
export function validPart(raw: unknown, validate: ValidateFunction): ValidPart {
  if (validate(raw)) return { value: raw as Record<string, unknown>, errors: [] };
  const errors = [...(validate.errors ?? [])];
  if (!isContainer(raw) || Array.isArray(raw)) return { value: undefined, errors };
  const copy = structuredClone(raw) as Record<string, unknown>;
  let current = errors;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!prune(copy, deepest(current.map(errorSegments)))) return { value: undefined, errors };
    if (validate(copy)) return { value: copy, errors };
    current = [...(validate.errors ?? [])];
  }
  return { value: undefined, errors };
}
