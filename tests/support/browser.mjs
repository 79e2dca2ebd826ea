// Launches headless Chromium for the browser tests: Debian's `chromium` unless CHROME_PATH names
// another build. The flags keep Chromium off the network, which this machine does not reach.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromePath() {
  const path = process.env.CHROME_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) {
    throw new Error(
      "no Chromium found: install Debian's `chromium` (npm test does so when run as root) " +
        "or set CHROME_PATH to a Chrome or Chromium binary",
    );
  }
  return path;
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
