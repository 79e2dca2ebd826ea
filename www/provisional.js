// The quick path's pure logic (no DOM): where an edit changed the text, the paragraph around it
// (analyzed alone on the page's thread), the spans of the last analysis carried over and moved
// by the edit, and the word being typed, whose labels wait for a word boundary.

export const QUICK_MAX = 2000; // chars: the most the quick path analyzes (a paragraph, or a window of one)
export const QUICK_MAX_EDIT = 4000; // chars inserted + removed: larger edits (pastes) wait for the whole analysis

/** Where `before` and `after` differ: [at, oldEnd) of `before` became [at, newEnd) of `after`. */
export function diffOf(before, after) {
  const shortest = Math.min(before.length, after.length);
  let at = 0;
  // Native comparisons of slices first (long texts), then characters.
  for (let step = 4096; step >= 16; step >>= 2) {
    while (at + step <= shortest && before.slice(at, at + step) === after.slice(at, at + step)) at += step;
  }
  while (at < shortest && before.charCodeAt(at) === after.charCodeAt(at)) at += 1;
  let tail = 0;
  const room = shortest - at;
  for (let step = 4096; step >= 16; step >>= 2) {
    while (
      tail + step <= room &&
      before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)
    ) {
      tail += step;
    }
  }
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail += 1;
  return { at, oldEnd: before.length - tail, newEnd: after.length - tail };
}

const isBlank = (text, from, to) => !/\S/.test(text.slice(from, to));

/**
 * The paragraph around [from, to) of `text`: its lines up to the blank lines (or the text's
 * ends) around it, cut down to a window of about QUICK_MAX characters around the edit, at
 * sentence ends if it can, at spaces otherwise.
 */
export function paragraphAround(text, from, to) {
  let start = text.lastIndexOf("\n", from - 1) + 1;
  while (start > 0 && from - start < QUICK_MAX) {
    const previous = text.lastIndexOf("\n", start - 2) + 1;
    if (isBlank(text, previous, start - 1)) break;
    start = previous;
  }
  let end = text.indexOf("\n", to);
  end = end < 0 ? text.length : end;
  while (end < text.length && end - to < QUICK_MAX) {
    let next = text.indexOf("\n", end + 1);
    next = next < 0 ? text.length : next;
    if (isBlank(text, end + 1, next)) break;
    end = next;
  }
  const room = Math.max(0, QUICK_MAX - (to - from)) >> 1;
  if (from - start > room) start = cutAfterSentence(text, from - room, from);
  if (end - to > room) end = cutBeforeSentence(text, to, to + room);
  return { from: start, to: end };
}

/** A place in [lo, hi] just after a sentence's end (else after a space, else lo). */
function cutAfterSentence(text, lo, hi) {
  const part = text.slice(lo, hi);
  const found = /[.!?]["'”’)]?\s+/g.exec(part);
  if (found) return lo + found.index + found[0].length;
  const space = part.search(/\s/);
  return space < 0 ? lo : lo + space + 1;
}

/** A place in [lo, hi] just after the last sentence end in it (else at its last space, else hi). */
function cutBeforeSentence(text, lo, hi) {
  const part = text.slice(lo, hi);
  let cut = -1;
  for (const found of part.matchAll(/[.!?]["'”’)]?(?=\s)/g)) cut = found.index + found[0].length;
  if (cut >= 0) return lo + cut;
  const space = part.search(/\s\S*$/);
  return space < 0 ? hi : lo + space;
}

/** A span moved by `delta` (its speaker too). */
export function shifted(span, delta) {
  if (!delta) return span;
  const moved = { ...span, start: span.start + delta, end: span.end + delta };
  if (span.speaker && Number.isInteger(span.speaker.start)) {
    moved.speaker = { ...span.speaker, start: span.speaker.start + delta, end: span.speaker.end + delta };
  }
  return moved;
}

/**
 * The provisional spans after `edit`: those of `base` the edit left alone, moved by it, except
 * over `region` (the re-analyzed paragraph), where `local` (already in the text's offsets) goes
 * instead; in span order. `moved[i]`: the new index of base span i, -1 when it was dropped.
 */
export function carryOver(baseSpans, edit, region, local) {
  const delta = edit.newEnd - edit.oldEnd;
  const spans = [];
  const moved = new Array(baseSpans.length).fill(-1);
  let placed = local == null;
  const place = () => {
    placed = true;
    for (const span of local) spans.push(span);
  };
  baseSpans.forEach((span, index) => {
    let now;
    if (span.end <= edit.at) now = span;
    else if (span.start >= edit.oldEnd) now = shifted(span, delta);
    else return;
    if (now.start < region.to && now.end > region.from) return;
    if (!placed && now.start >= region.from) place();
    moved[index] = spans.length;
    spans.push(now);
  });
  if (!placed) place();
  return { spans, moved };
}

const WORD = /[\p{L}\p{N}'’\-]/u;

/**
 * The word being typed: [start, caret) when the caret ends a word (a word character before it,
 * none after it), else null.
 */
export function typedWord(text, caret) {
  if (caret == null || caret <= 0 || caret > text.length) return null;
  if (!WORD.test(text[caret - 1]) || (caret < text.length && WORD.test(text[caret]))) return null;
  let start = caret - 1;
  while (start > 0 && WORD.test(text[start - 1])) start -= 1;
  return { start, end: caret };
}

/**
 * `spans` with the word being typed left as it was: spans touching `word` are replaced by those
 * of `previous` (spans of the same text, as shown before) that touched it and still lie within
 * it, so a name is not labelled "place" at "Wa", "person" at "Wash" and nothing at "Washing".
 */
export function holdWord(spans, previous, word) {
  if (!word) return spans;
  const touches = (span) => span.start < word.end && span.end > word.start;
  const kept = spans.filter((span) => !touches(span) || (span.kind === "quote" && !insideWord(span, word)));
  const held = previous.filter((span) => touches(span) && span.kind !== "quote" && span.end <= word.end);
  if (!held.length && kept.length === spans.length) return spans;
  return [...kept, ...held].sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.kind === "quote" ? -1 : 0) - (b.kind === "quote" ? -1 : 0),
  );
}

const insideWord = (span, word) => span.start >= word.start && span.end <= word.end;
