// Installs what building and testing need, skipping whatever is already there:
// the wasm32 Rust target, wasm-bindgen-cli at the exact version Cargo.lock pins, the npm
// devDependencies, and (with --browser, as `npm test` asks) Chromium for the browser tests and
// valgrind for the linear-time tests.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, output, run } from "./run.mjs";

const WASM_TARGET = "wasm32-unknown-unknown";

export function ensureWasmTarget() {
  const installed = output("rustup", ["target", "list", "--installed"]);
  if (installed === null) {
    console.error("rustup is missing: install Rust from https://rustup.rs and run this again");
    process.exit(1);
  }
  if (!installed.split("\n").includes(WASM_TARGET)) run("rustup", ["target", "add", WASM_TARGET]);
}

/** The wasm-bindgen version in Cargo.lock (generating the lock file first if needed). */
export function lockedWasmBindgenVersion() {
  const lock = join(ROOT, "Cargo.lock");
  if (!existsSync(lock)) run("cargo", ["generate-lockfile"]);
  const match = readFileSync(lock, "utf8").match(
    /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/,
  );
  if (!match) throw new Error("Cargo.lock names no wasm-bindgen version");
  return match[1];
}

export function ensureWasmBindgen() {
  const version = lockedWasmBindgenVersion();
  const installed = output("wasm-bindgen", ["--version"]);
  if (installed?.trim() === `wasm-bindgen ${version}`) return;
  // No --locked: the CLI's own lock file names a crate version the registry lacks.
  run("cargo", ["install", "wasm-bindgen-cli", "--version", version]);
}

/** Installs the npm dev dependencies when any is missing (a fresh clone, or one added since). */
export function ensureNodeModules() {
  const { devDependencies = {} } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const missing = Object.keys(devDependencies).some(
    (name) => !existsSync(join(ROOT, "node_modules", name, "package.json")),
  );
  const lock = join(ROOT, "package-lock.json");
  if (missing) run("npm", [existsSync(lock) ? "ci" : "install", "--no-audit", "--no-fund"]);
}

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function ensureChromium() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) {
      console.error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
      process.exit(1);
    }
    return;
  }
  if (CHROMIUM.some((path) => existsSync(path))) return;
  if (process.getuid?.() === 0 && output("which", ["apt-get"]) !== null) {
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error(
    "The browser tests need Chromium: install it (Debian: `sudo apt-get install chromium`) " +
      "or set CHROME_PATH to a Chrome or Chromium binary.",
  );
  process.exit(1);
}

/** The instruction counts of tests/pathological.rs (linear time in every layer) run under
 * valgrind: installed with apt as root, else said what to do. */
export function ensureValgrind() {
  if (process.env.NEWSMARK_NO_VALGRIND === "1" || output("which", ["valgrind"]) !== null) return;
  if (process.getuid?.() === 0 && output("which", ["apt-get"]) !== null) {
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "--no-install-recommends", "valgrind"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error(
    "The linear-time tests count instructions with valgrind: install it (Debian: `sudo apt-get " +
      "install valgrind`) or set NEWSMARK_NO_VALGRIND=1 to skip them.",
  );
  process.exit(1);
}

export function setup({ browser = false } = {}) {
  ensureWasmTarget();
  ensureWasmBindgen();
  ensureNodeModules();
  if (browser) {
    ensureChromium();
    ensureValgrind();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  setup({ browser: process.argv.includes("--browser") });
  console.log("setup: everything is in place");
}
