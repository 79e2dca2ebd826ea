// Two or more builds of the package compared by the instructions one steady round of analysis
// runs (a measurement, never a test): unlike wall-clock time, the count barely moves from run to
// run, so it shows a change of a few percent on a busy machine. Each build is a directory laid
// out as `npm run build` leaves the package (`dist/`, `js/`, `package.json`):
//
//   node scripts/instructions-builds.mjs [--layers entities] before=/tmp/a after=/tmp/b
//
// Needs valgrind. For each build, Node runs under cachegrind twice, analyzing the dev corpora
// under ../shared/corpus (conll_dev and gum_all_dev) once and then three times; one round is half
// the difference. The first round is left out that way: in it V8 compiles the .wasm, which
// costs several rounds' worth of instructions. Liftoff is off so that every function runs as
// optimized code from the start.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzerOf, buildsOf, devTexts } from "./builds.mjs";

const [FEW, MANY] = [1, 3];

/// In a child process: analyzes the corpora `rounds` times with one build.
async function analyze(dir, layers, rounds) {
  const analyzer = await analyzerOf(dir);
  const docs = devTexts();
  const options = layers ? { layers } : {};
  let spans = 0;
  for (let round = 0; round < rounds; round++) {
    for (const text of docs) spans += analyzer.analyze(text, options).spans.length;
  }
  return spans;
}

/// The instructions Node runs for `rounds` rounds with the build in `dir`, as cachegrind counts.
function instructions(self, dir, layers, rounds) {
  const args = ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"];
  const node = [process.execPath, "--no-liftoff", "--single-threaded"];
  const child = [self, "--child", dir, layers ?? "", String(rounds)];
  const run = spawnSync("valgrind", [...args, ...node, ...child], { encoding: "utf8" });
  if (run.error || run.status !== 0) {
    const why = run.error?.code === "ENOENT" ? "valgrind is not installed" : run.error?.message ?? run.stderr;
    throw new Error(`instructions-builds: ${dir}: ${why}`);
  }
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (!refs) throw new Error(`instructions-builds: ${dir}: no instruction count in valgrind's output`);
  return Number(refs[1].replaceAll(",", ""));
}

function parse(argv) {
  const at = argv.indexOf("--layers");
  return { builds: buildsOf(argv, ["--layers"]), layers: at < 0 ? null : argv[at + 1] };
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  const [dir, layers, rounds] = [argv[1], argv[2] ? argv[2].split(",") : null, Number(argv[3])];
  console.log(await analyze(dir, layers, rounds));
} else {
  const { builds, layers } = parse(argv);
  if (builds.length < 1) {
    console.error("usage: node scripts/instructions-builds.mjs [--layers L,L] NAME=DIR...");
    process.exit(2);
  }
  const missing = builds.find(({ dir }) => !existsSync(`${dir}/js/node.js`));
  if (missing) {
    console.error(`instructions-builds: ${missing.dir}: no js/node.js there (copy dist/, js/ and package.json of a build)`);
    process.exit(2);
  }
  const self = fileURLToPath(import.meta.url);
  const counts = builds.map(({ name, dir }) => {
    const round = (instructions(self, dir, layers, MANY) - instructions(self, dir, layers, FEW)) / (MANY - FEW);
    console.log(`${name}: ${(round / 1e6).toFixed(1)} M instructions a round`);
    return round;
  });
  for (const [b, { name }] of builds.entries()) {
    const ratio = ((counts[b] / counts[0] - 1) * 100).toFixed(1);
    console.log(`${name}: ${ratio} % against ${builds[0].name}`);
  }
}
