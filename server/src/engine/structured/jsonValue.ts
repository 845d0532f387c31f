// The value of a jsonc-parser tree, built as JSON.parse builds it: a key named
// `__proto__` becomes an own property (jsonc-parser's getNodeValue assigns it, which
// replaces the object's prototype instead). Depth is bounded by nesting.ts beforehand.
import type { Node } from 'jsonc-parser';

export function jsonValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(jsonValue);
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        Object.defineProperty(object, String(key.value), { value: jsonValue(value), writable: true, enumerable: true, configurable: true });
      }
      return object;
    }
    default:
      return node.value;
  }
}
