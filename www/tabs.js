// Phones (narrow screens, style.css): the article first, and tabs for People & quotes and the
// Timeline (body[data-tab]). Wide screens show everything and hide the tabs. Arrow keys move
// between tabs, as in any tab list.

/** The article's highlights follow it being shown again by themselves (the painter watches its size). */
export function wireTabs(tabs) {
  const all = () => [...tabs.querySelectorAll("[role=tab]")];
  const show = (name) => {
    document.body.dataset.tab = name;
    for (const tab of all()) {
      const on = tab.dataset.tab === name;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
    }
  };
  tabs.addEventListener("click", (event) => {
    const tab = event.target.closest("[role=tab]");
    if (tab) show(tab.dataset.tab);
  });
  tabs.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const list = all();
    const at = list.indexOf(document.activeElement);
    if (at < 0) return;
    const next = list[(at + (event.key === "ArrowRight" ? 1 : list.length - 1)) % list.length];
    show(next.dataset.tab);
    next.focus();
  });
  show("article");
}
