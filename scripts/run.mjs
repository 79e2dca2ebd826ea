// Small helpers for the project's scripts: run a command visibly and stop on failure.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Runs `command args…` in the project root with inherited output; exits the process on failure. */
export function run(command, args = [], options = {}) {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.error) {
    console.error(`could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** Runs a command quietly and returns its stdout, or null when it fails or is missing. */
export function output(command, args = [], options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", ...options });
  return result.status === 0 ? result.stdout : null;
}
