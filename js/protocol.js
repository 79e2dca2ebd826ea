// The one answer to an analysis request, shared by the worker (js/worker.js) and the client's
// main-thread fallback (js/client-core.js), so both answer alike:
//   request { id, text, options? } → { id, analysis, analyzeMs } or { id, error }
// `analyzeMs` is how long `analyze` itself took, apart from the messaging around it.

/** Answers `request` with `analyzer` (never throws: an error becomes `{ id, error }`). */
export function answer(analyzer, request) {
  const { id, text, options } = request ?? {};
  try {
    const started = performance.now();
    const analysis = analyzer.analyze(text, options ?? undefined);
    return { id, analysis, analyzeMs: performance.now() - started };
  } catch (error) {
    return { id, error: messageOf(error) };
  }
}

export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
