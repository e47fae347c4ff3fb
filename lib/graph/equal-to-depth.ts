/**
 * Equality by value down to `depth` levels of objects and arrays, by reference below that. The
 * graph model is rebuilt whenever a page arrives; comparing its nodes this way keeps the ones that
 * did not change as the same objects, so React Flow re-renders only what is new.
 */
export function equalToDepth(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((k) => k in right && equalToDepth(left[k], right[k], depth - 1));
}
