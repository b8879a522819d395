// Trunk post_build hook: writes the list of built files and a content hash into
// the staged sw.js, so the service worker caches exactly this build and the
// browser sees a new worker (an update) whenever any file changed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me from a Trunk hook");

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => "/" + relative(dir, p).split("\\").join("/"))
  // The survey link page is for customers' phones, not the rep's app.
  .filter((u) => u !== "/sw.js" && !u.startsWith("/s/"))
  .sort();
const hash = createHash("sha256");
for (const u of files) hash.update(u).update(readFileSync(join(dir, u)));
const version = hash.digest("hex").slice(0, 16);

const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("__DAFTAR_VERSION__", version)
  .replace('["__DAFTAR_PRECACHE__"]', JSON.stringify(files));
writeFileSync(swPath, sw);
console.log(`precache: ${files.length} files, version ${version}`);
