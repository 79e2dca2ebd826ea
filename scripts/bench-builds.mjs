// Two or more builds of the package timed back to back, for speed claims against a baseline
// (a measurement, never a test). Each build is a directory laid out as `npm run build` leaves the
// package (`dist/`, `js/`, `package.json`: copy those three to keep a build):
//
//   node scripts/bench-builds.mjs [--layers entities] [--rounds 5] before=/tmp/a after=/tmp/b
//
// Every round runs each build once, in turn, in a fresh Node process (so one build's JIT state
// or garbage never weighs on another's): it analyzes the dev corpora under ../shared/corpus
// (conll_dev and gum_all_dev) after a warm-up, five passes, and reports the median pass in MB/s.
// At the end: each build's median over the rounds, and its ratio to the first build's. On a
// busy machine single passes swing by ±15 %; alternating rounds and medians keep that out of
// the ratios, so stop other heavy work while this runs.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { analyzerOf, buildsOf, devTexts } from "./builds.mjs";

const PASSES = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// In a child process: one build's median MB/s over PASSES passes.
async function measure(dir, layers) {
  const analyzer = await analyzerOf(dir);
  const docs = devTexts();
  const bytes = docs.reduce((n, text) => n + Buffer.byteLength(text), 0);
  const options = layers ? { layers } : {};
  for (const text of docs.slice(0, 30)) analyzer.analyze(text, options);
  const rates = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (const text of docs) analyzer.analyze(text, options);
    rates.push(bytes / 1e6 / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

function parse(argv) {
  const value = (flag, fallback) => {
    const at = argv.indexOf(flag);
    return at < 0 ? fallback : argv[at + 1];
  };
  const builds = buildsOf(argv, ["--layers", "--rounds"]);
  const layers = value("--layers", null)?.split(",");
  return { builds, layers, rounds: Number(value("--rounds", 5)) };
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  const [dir, layers] = [argv[1], argv[2] ? argv[2].split(",") : null];
  console.log(JSON.stringify(await measure(dir, layers)));
} else {
  const { builds, layers, rounds } = parse(argv);
  if (builds.length < 2 || !(rounds > 0)) {
    console.error("usage: node scripts/bench-builds.mjs [--layers L,L] [--rounds N] NAME=DIR NAME=DIR...");
    process.exit(2);
  }
  const self = fileURLToPath(import.meta.url);
  const rates = builds.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    const line = builds.map(({ name, dir }, b) => {
      const out = execFileSync(process.execPath, [self, "--child", dir, layers?.join(",") ?? ""]);
      rates[b].push(JSON.parse(out));
      return `${name} ${rates[b].at(-1).toFixed(2)}`;
    });
    console.log(`round ${round}: ${line.join(", ")} MB/s`);
  }
  const first = median(rates[0]);
  for (const [b, { name }] of builds.entries()) {
    const m = median(rates[b]);
    const ratio = ((m / first - 1) * 100).toFixed(1);
    console.log(`${name}: median ${m.toFixed(2)} MB/s over ${rounds} rounds (${ratio} % against ${builds[0].name})`);
  }
}
