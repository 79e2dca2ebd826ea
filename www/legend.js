// The legend: one toggle per kind, with the number of highlights of that kind in the text (its
// mentions: the sidebar counts distinct names, quotations and dates instead, and says so).
import { KIND, KINDS, counts } from "./kinds.js";

export function buildLegend(container, onToggle) {
  for (const { kind, label } of KINDS) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toggle";
    button.dataset.kind = kind;
    button.setAttribute("aria-pressed", "true");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${kind}`;
    swatch.setAttribute("aria-hidden", "true");
    const name = document.createElement("span");
    name.className = "toggle-label";
    name.textContent = label;
    const count = document.createElement("span");
    count.className = "toggle-count";
    count.textContent = "0";
    button.append(swatch, name, count);
    button.addEventListener("click", () => onToggle(kind));
    container.append(button);
  }
}

export function renderLegend(container, spans, enabled) {
  const { highlights, speech, terms } = counts(spans);
  for (const button of container.querySelectorAll(".toggle")) {
    const { kind } = button.dataset;
    const on = enabled.has(kind);
    const count = highlights.get(kind);
    // Written only when changed: an edit usually changes no count, and every write costs style.
    const key = `${on} ${count} ${speech}`;
    if (button.dataset.shown === key) continue;
    button.dataset.shown = key;
    button.setAttribute("aria-pressed", String(on));
    button.classList.toggle("is-empty", count === 0);
    button.querySelector(".toggle-count").textContent = String(count);
    const label = KIND.get(kind).label;
    const what =
      kind === "quote"
        ? `${count} highlighted: ${speech} said by someone, ${terms} quoted ${terms === 1 ? "term" : "terms"}`
        : `${count} ${count === 1 ? "highlight" : "highlights"} (mentions)`;
    button.setAttribute("aria-label", `${label}: ${what}, ${on ? "shown" : "hidden"}`);
    button.title = `${what}. ${on ? "Hide" : "Show"} ${label.toLowerCase()}`;
  }
}
