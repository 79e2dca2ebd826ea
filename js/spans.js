// What the painter is given: pure functions (no DOM), unit-tested in Node.

/**
 * The spans of an analysis as the painter takes them: flat `[start, end, kind number, …]`
 * triples in a Uint32Array, `kinds` giving each kind's number (its index). Spans of other
 * kinds and malformed spans (non-integer or inverted offsets) are left out.
 */
export function spanTriples(spans, kinds) {
  const out = new Uint32Array(spans.length * 3);
  let n = 0;
  for (const span of spans) {
    const kind = kinds.indexOf(span?.kind);
    const { start, end } = span ?? {};
    if (kind < 0 || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) continue;
    out[n++] = start;
    out[n++] = end;
    out[n++] = kind;
  }
  return out.subarray(0, n);
}

/**
 * The bit mask of the kinds shown (bit k: `kinds[k]`); all when `shown` is null or undefined.
 * An unknown kind name throws an Error naming it.
 */
export function kindMask(shown, kinds) {
  if (shown == null) return 2 ** kinds.length - 1;
  if (!Array.isArray(shown)) throw new TypeError(`newsmark option kinds must be an array of ${kinds.join(", ")}`);
  let mask = 0;
  for (const kind of shown) {
    const index = kinds.indexOf(kind);
    if (index < 0) throw new Error(`unknown newsmark kind ${JSON.stringify(kind)}: expected one of ${kinds.join(", ")}`);
    mask |= 1 << index;
  }
  return mask;
}
