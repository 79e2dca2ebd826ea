// The reference date relative dates ("Saturday", "next week") resolve against. Which one, in
// order: the reader's choice (the date field, or the sample's date); the article's dateline;
// else today, shown as "assumed (today)". A field that does not hold a valid date yet (a fifth
// year digit, typed mid-way) changes nothing: the last good analysis stays.
import { clip } from "./kinds.js";
import { isIsoDate, today } from "./timex.js";

/**
 * What to ask the analyzer for, and how to label it. `chosen`: the reader's date or null;
 * `noDateline`: whether the text is known to have no dateline (the analyzer found none).
 */
export function referenceRequest(chosen, noDateline, now = new Date()) {
  if (chosen) return { options: { referenceDate: chosen }, source: "chosen" };
  if (noDateline) return { options: { referenceDate: today(now) }, source: "today" };
  return { options: {}, source: "detect" };
}

/**
 * The field's value → what it means: { chosen: "YYYY-MM-DD" } (a valid date), { chosen: null }
 * (empty: back to the dateline or today), or { invalid: true } (keep the last analysis).
 */
export function readField(value) {
  if (!value) return { chosen: null };
  return isIsoDate(value) ? { chosen: value } : { invalid: true };
}

/** The label next to the field: [source, words]. */
export function referenceLabel(source, referenceDate, text) {
  if (source === "chosen") return ["option", "chosen"];
  if (source === "today") return ["today", "assumed (today): no date in the article"];
  if (referenceDate?.source === "dateline") {
    let label = "from the dateline";
    if (Number.isInteger(referenceDate.start) && Number.isInteger(referenceDate.end) && text) {
      label += ` “${clip(text.slice(referenceDate.start, referenceDate.end), 40)}”`;
    }
    return ["dateline", label];
  }
  return ["none", ""];
}

/** Shows the reference date: the field (unless the reader is in it) and where it came from. */
export function renderReference(ui, { source, referenceDate, text, chosen }) {
  const [kind, label] = referenceLabel(source, referenceDate, text);
  if (ui.dateSource.dataset.source !== kind) ui.dateSource.dataset.source = kind;
  if (ui.dateSource.textContent !== label) ui.dateSource.textContent = label;
  if (document.activeElement !== ui.date) {
    const value = chosen ?? referenceDate?.date ?? "";
    if (ui.date.value !== value) ui.date.value = value;
    setInvalid(ui, false);
  }
}

export function setInvalid(ui, invalid) {
  if (invalid) ui.date.setAttribute("aria-invalid", "true");
  else ui.date.removeAttribute("aria-invalid");
  ui.dateProblem.hidden = !invalid;
}
