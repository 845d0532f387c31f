// New column names follow the header's own style.
/** A header mostly in capitals (Synthea's Id, BIRTHDATE, GENDER) gets a new name in capitals too. */
export function inHeaderStyle(name: string, names: readonly string[]): string {
  const lettered = names.filter((n) => /[a-z]/i.test(n));
  const capitals = lettered.filter((n) => n === n.toUpperCase()).length;
  return capitals * 2 > lettered.length ? name.toUpperCase() : name;
}
