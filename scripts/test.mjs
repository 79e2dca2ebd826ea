// `npm test`: every test. Installs what is missing (wasm target, wasm-bindgen-cli, npm packages,
// Chromium), then runs the Rust tests, builds the package and the site, and runs the JS tests
// against the built package: Node, the page in headless Chromium, and the packed tarball as a
// consumer installs it.
import { run } from "./run.mjs";
import { setup } from "./setup.mjs";

setup({ browser: true });
run("cargo", ["test", "--all-targets"]);
run("cargo", ["test", "--doc"]);
run("cargo", ["build", "--release", "--bin", "newsmark"]); // for the CLI/wasm parity test
run("node", ["scripts/build.mjs", "--site"]);
run("node", ["--test", "tests/node/", "tests/browser/", "tests/consumer/"]);
// Smokes of the benchmarks: they still run (a few seconds; nothing is asserted about time).
run("node", ["scripts/bench.mjs", "--smoke"]);
run("node", ["scripts/latency.mjs", "--smoke"]);
run("node", ["scripts/bench-builds.mjs", "--rounds", "1", "--layers", "entities", "a=.", "b=."]);
run("cargo", ["run", "--release", "--example", "bench", "--", "--smoke"]);
console.log("\nnpm test: all tests passed");
