// The edited paragraph's own analysis, placed in the document: its spans moved to the
// paragraph's offset, its entities the document's entities of the same name (the paragraph's
// own entity ids mean nothing in the document's analysis). Pure: no DOM.
import { ENTITY_KINDS, normalize } from "./kinds.js";
import { shifted } from "./provisional.js";

/** "kind|name" (and "kind|mention text") → entity id, of a whole-document analysis. */
export function entityIdsOf(analysis) {
  const ids = new Map();
  for (const entity of analysis.entities) ids.set(`${entity.kind}|${entity.name}`, entity.id);
  for (const span of analysis.spans) {
    if (ENTITY_KINDS.has(span.kind) && span.entity != null && !ids.has(`${span.kind}|${span.text}`)) {
      ids.set(`${span.kind}|${span.text}`, span.entity);
    }
  }
  return ids;
}

/**
 * `local` (the analysis of `paragraph`, as the analyzer gave it) as spans of the document:
 * at `offset`, in span order, entities mapped through `ids` (entityIdsOf), else null.
 */
export function placeParagraph(paragraph, local, offset, ids) {
  const analysis = normalize(paragraph, local);
  const entityOf = (id, words) => {
    const entity = analysis.entities[id];
    if (!entity) return null;
    return ids.get(`${entity.kind}|${entity.name}`) ?? ids.get(`${entity.kind}|${words}`) ?? null;
  };
  return analysis.spans.map((span) => {
    const placed = offset ? shifted(span, offset) : { ...span };
    if (ENTITY_KINDS.has(span.kind)) placed.entity = span.entity != null ? entityOf(span.entity, span.text) : null;
    if (placed.speaker?.entity != null) {
      placed.speaker = { ...placed.speaker, entity: entityOf(placed.speaker.entity, placed.speaker.text) };
    }
    return placed;
  });
}
