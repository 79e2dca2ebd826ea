// Builds the npm package into dist/: cargo (wasm32, release profile, tuned for speed) →
// wasm-bindgen (ES module glue, `web` target, used by both entry points) → wasm-opt (binaryen).
// With --site, also assembles the static site: www/ plus the package under www/newsmark/.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, run } from "./run.mjs";
import { setup } from "./setup.mjs";

const DIST = join(ROOT, "dist");
// The size budget of the .wasm, gzip level 9 (issue 14): the build fails above it, so a table or
// model that grows the page's download must pay for itself elsewhere first.
const GZIP_BUDGET_KB = 850;
const WASM = join(DIST, "newsmark_bg.wasm");
// The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

export function buildPackage() {
  setup();
  run("cargo", ["build", "--lib", "--release", "--target", "wasm32-unknown-unknown"]);
  rmSync(DIST, { recursive: true, force: true });
  run("wasm-bindgen", [
    join(ROOT, "target/wasm32-unknown-unknown/release/newsmark.wasm"),
    "--out-dir", DIST,
    "--out-name", "newsmark",
    "--target", "web",
    "--no-typescript",
  ]);
  run(join(ROOT, "node_modules/.bin/wasm-opt"), ["-O3", "--strip-debug", "--strip-producers", ...WASM_FEATURES, WASM, "-o", WASM]);
  const bytes = readFileSync(WASM);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  console.log(`\ndist/newsmark_bg.wasm: ${kb(bytes.length)} raw, ${kb(gzip)} gzip`);
  if (gzip > GZIP_BUDGET_KB * 1024) {
    throw new Error(`dist/newsmark_bg.wasm is ${kb(gzip)} gzip, over its budget of ${GZIP_BUDGET_KB} KB`);
  }
}

export function buildSite() {
  const target = join(ROOT, "www", "newsmark");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // The package's browser modules and stylesheet (not its Node entry points nor its types).
  const shipped = readdirSync(join(ROOT, "js")).filter(
    (file) => (file.endsWith(".js") && !/^(node|client-node)\.js$/.test(file)) || file.endsWith(".css"),
  );
  for (const file of shipped) cpSync(join(ROOT, "js", file), join(target, "js", file));
  for (const file of ["newsmark.js", "newsmark_bg.wasm"]) {
    cpSync(join(DIST, file), join(target, "dist", file));
  }
  console.log("site: www/ is ready to be served as a static folder (the package is in www/newsmark/)");
}

buildPackage();
if (process.argv.includes("--site")) buildSite();
