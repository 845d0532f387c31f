// Text for a value read from a user's JSON or YAML file. `String(x)` and template literals
// call the object's own `toString`/`valueOf`, which such a file can shadow
// (`{"toString": 1}`) or remove (`{"__proto__": null}`): either throws. Nothing here calls
// a method of the value itself.

/** Longest rendering of an object or array in a message. */
const MAX_RENDERED = 80;

export function safeText(value: unknown): string {
  switch (typeof value) {
    case 'string': return value;
    case 'number': case 'boolean': case 'bigint': return String(value);
    case 'undefined': return '';
    case 'symbol': case 'function': return typeof value;
  }
  if (value === null) return 'null';
  let rendered: string | undefined;
  try {
    // JSON.stringify reads own properties only, never toString; `toJSON` from a parsed file is never a function.
    rendered = JSON.stringify(value);
  } catch {
    rendered = undefined;
  }
  if (rendered === undefined) return Array.isArray(value) ? '[array]' : '[object]';
  return rendered.length > MAX_RENDERED ? `${rendered.slice(0, MAX_RENDERED - 1)}…` : rendered;
}
