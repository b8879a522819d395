// A static server for the built app, as any web host would serve it, plus the
// one thing a single-page app needs: unknown paths answer with index.html.
// Listens on 127.0.0.1 only. Usage: node tests/e2e/serve.mjs <dir> <port> [--gzip]
// --gzip compresses as most static hosts do (the benchmark of the survey page
// counts the bytes a phone really downloads).
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dir = "dist", port = "8091", flag] = process.argv.slice(2);
const gzip = flag === "--gzip";
const compressed = new Map();
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
  ".webmanifest": "application/manifest+json", ".png": "image/png", ".svg": "image/svg+xml",
};

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(dir, path);
  try {
    // A folder answers with its own index.html, as static hosts do (/s/ is the survey page).
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    if (!(await stat(file)).isFile()) throw new Error("not a file");
  } catch {
    if (extname(path)) { res.writeHead(404).end("not found"); return; }
    file = join(dir, "index.html");
  }
  let body = await readFile(file);
  const headers = { "content-type": types[extname(file)] || "application/octet-stream", "cache-control": "no-cache" };
  if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
    if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
    body = compressed.get(file);
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`serving ${dir} on http://127.0.0.1:${port}`));
