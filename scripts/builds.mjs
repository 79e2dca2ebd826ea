// What the scripts that compare builds of the package share (bench-builds.mjs times them,
// instructions-builds.mjs counts their instructions): the builds named on the command line, and
// the texts both analyze, so that their figures are of the same work.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/// The dev corpora under ../shared/corpus the builds analyze.
const CORPORA = ["conll_dev", "gum_all_dev"];

/// The `text` of every document of the dev corpora, in file order.
export function devTexts() {
  const corpus = new URL("../../shared/corpus/", import.meta.url);
  return CORPORA.flatMap((name) =>
    readFileSync(new URL(`${name}.jsonl`, corpus), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line).text),
  );
}

/// A new analyzer of the build in `dir` (laid out as `npm run build` leaves the package).
export async function analyzerOf(dir) {
  const { createAnalyzer } = await import(pathToFileURL(`${dir}/js/node.js`).href);
  return createAnalyzer();
}

/// The builds of `argv`, `NAME=DIR` or `DIR`, as { name, dir }; the arguments of the options in
/// `valued` (e.g. "--layers") are skipped.
export function buildsOf(argv, valued) {
  const values = new Set(valued.map((flag) => argv.indexOf(flag) + 1).filter((i) => i > 0));
  return argv
    .filter((arg, i) => !arg.startsWith("--") && !values.has(i))
    .map((arg) => {
      const [name, dir] = arg.includes("=") ? arg.split(/=(.*)/s) : [arg, arg];
      return { name, dir };
    });
}
