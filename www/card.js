// The detail card: what a highlight is (kind, entity, TIMEX3 value in words, speaker), shown
// next to the highlight pointed at or tapped, or next to the sidebar row in focus.
import { ENTITY_KINDS, KIND, TEMPORAL_KINDS, clip, isTerm } from "./kinds.js";
import { describeValue, modWords } from "./timex.js";

/**
 * `card`: the card element. `look`: { entity(id), mentions(index) → count, speaker(span) }.
 */
export function createCard(card, look) {
  let anchor = null; // what the card is shown for: "pointer" | "row" | "tap" | "caret"

  /** Shows `entries` ([[index, span]…], the first the one pointed at) at `at` ({ x, y, above }). */
  function show(entries, at, note, why = "pointer") {
    if (!entries.length) return hide();
    const fragment = document.createDocumentFragment();
    for (const [index, span] of entries) fragment.append(describe(span, index, look));
    if (note) {
      const foot = document.createElement("p");
      foot.className = "card-note";
      foot.textContent = note;
      fragment.append(foot);
    }
    card.replaceChildren(fragment);
    card.hidden = false;
    anchor = why;
    card.dataset.for = why;
    // Below the anchor (above it when there is no room), inside the viewport.
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const margin = 8;
    let x = Math.min(at.x, innerWidth - width - margin);
    let y = at.y;
    if (y + height > innerHeight - margin && at.above - height > margin) y = at.above - height;
    x = Math.max(margin, x);
    y = Math.max(margin, Math.min(y, innerHeight - height - margin));
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
  }

  function hide() {
    if (!card.hidden) card.hidden = true;
    anchor = null;
  }

  return { show, hide, shownFor: () => anchor, element: card };
}

/** A rectangle's anchor for the card: below it, or above. */
export function anchorOf(rect) {
  return { x: rect.left, y: rect.bottom + 6, above: rect.top - 6 };
}

export function describe(span, index, look) {
  const section = document.createElement("section");
  section.className = `card-span card-${span.kind}`;
  section.dataset.kind = span.kind;
  const head = document.createElement("p");
  head.className = "card-head";
  const tag = document.createElement("span");
  tag.className = `card-kind swatch-${span.kind}`;
  tag.textContent = KIND.get(span.kind).one;
  const words = document.createElement("span");
  words.className = "card-text";
  words.textContent = clip(span.text, 160);
  head.append(tag, words);
  section.append(head);

  const details = [];
  const mentions = look.mentions(index);
  if (ENTITY_KINDS.has(span.kind)) {
    const entity = span.entity != null ? look.entity(span.entity) : null;
    if (entity) details.push(["Entity", entity.name]);
    if (entity?.titles?.length) details.push(["Titles", entity.titles.join(", ")]);
    details.push(["Mentions", mentions > 1 ? `${mentions} mentions — tap again for the next` : "only this one"]);
  } else if (TEMPORAL_KINDS.has(span.kind)) {
    // Words first; the TIMEX3 value second, never as the description.
    const meaning = describeValue(span.value, span.mod, span.kind);
    details.push(["Means", meaning ?? "not resolved"]);
    if (span.value) details.push(["TIMEX3", span.mod ? `${span.value} (mod ${span.mod})` : span.value]);
    if (span.mod && !modWords(span.mod)) details.push(["Modifier", span.mod]);
    if (mentions > 1) details.push(["Mentions", `${mentions} with this value`]);
  } else if (span.kind === "quote") {
    if (isTerm(span)) details.push(["Quoted term", "a title, nickname or scare quotes, not speech"]);
    if (span.continues != null) details.push(["Continues", "the quotation before its attribution"]);
    const speaker = look.speaker(span);
    if (speaker || !isTerm(span)) details.push(["Speaker", speaker ?? "not attributed"]);
    if (span.cue) details.push(["Cue", span.cue]);
  }
  if (details.length) {
    const list = document.createElement("dl");
    for (const [term, detail] of details) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = detail;
      list.append(dt, dd);
    }
    section.append(list);
  }
  return section;
}
