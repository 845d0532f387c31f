// What a row scan works out from its setup's header, policy, ancestry columns and schema
// (which columns it watches, their missing markers), once per setup instead of once per
// state: an editor begins the scans that merge once per block of rows and once more for
// the merge (profile/blocks.ts), some 26 times for 100,000 rows, all with the same setup.
import { columnMarkers } from '../columnMarkers';
import type { MissingMarkers } from '../missing';
import type { ScanSetup } from './rule';

interface Derived {
  policy: ScanSetup['policy'];
  ancestryColumns: ScanSetup['ancestryColumns'];
  schema: ScanSetup['schema'];
  value: unknown;
}

/** Per header array, per derivation: its value for the setup it was last worked out for. */
const derived = new WeakMap<readonly string[], Map<(setup: ScanSetup) => unknown, Derived>>();

/**
 * `derive(setup)`, or what it gave for a setup with the same header, policy, ancestry
 * columns and schema (the same objects, as a lint's blocks share them). `derive` reads
 * nothing else of the setup (not `block`, `today` or `outcome`); what it returns is shared
 * by every state begun with such a setup, so nobody changes it.
 */
export function perSetup<T>(setup: ScanSetup, derive: (setup: ScanSetup) => T): T {
  let byDerive = derived.get(setup.header);
  if (!byDerive) derived.set(setup.header, (byDerive = new Map()));
  const known = byDerive.get(derive);
  if (known && known.policy === setup.policy && known.ancestryColumns === setup.ancestryColumns && known.schema === setup.schema) return known.value as T;
  const value = derive(setup);
  byDerive.set(derive, { policy: setup.policy, ancestryColumns: setup.ancestryColumns, schema: setup.schema, value });
  return value;
}

const markersOf = ({ header, policy, ancestryColumns, schema }: ScanSetup) => columnMarkers(header, policy, ancestryColumns, schema);

/** columnMarkers for the setup's columns, worked out once per setup (see perSetup). */
export function setupMarkers(setup: ScanSetup): MissingMarkers[] {
  return perSetup(setup, markersOf);
}
