// A short digest of a profile plan: results computed for one policy are not read under another.
import type { ProfilePlan } from './plan';

export function planFingerprint(plan: ProfilePlan): string {
  const text = JSON.stringify([plan.columns.map((c) => [c.name, c.keys, c.labelKeys, c.cap]), plan.ancestryColumns, plan.participant?.index ?? -1]);
  // FNV-1a, 32 bits: a check against mix-ups, not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `v1-${hash.toString(16).padStart(8, '0')}`;
}
