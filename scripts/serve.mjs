// A static file server for the built site (npm start) and the browser tests. Serves `.wasm` as
// application/wasm so browsers can stream-compile it. Only files under the root are served.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
};

/** Serves `root` on `port` (0 = any free port); resolves to the server and its base URL. */
export async function serve(root, port = 0, host = "127.0.0.1") {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw new Error("outside root");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("not found");
    }
  });
  await new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, host, ready);
  });
  const url = `http://${host}:${server.address().port}/`;
  return { server, url, close: () => new Promise((done) => server.close(done)) };
}

// `node scripts/serve.mjs [ROOT] [PORT]`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? "www";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  let started;
  try {
    started = await serve(root, port);
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error;
    console.log(`port ${port} is busy; using a free one`);
    started = await serve(root, 0);
  }
  console.log(`newsmark is served at ${started.url} (Ctrl+C stops it)`);
}
