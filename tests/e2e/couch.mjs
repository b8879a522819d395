// A throwaway CouchDB-protocol server for end-to-end tests: pouchdb-server 4.2.0
// (npm, pinned in package.json) in memory on 127.0.0.1, plus fetch helpers that
// talk to it as curl would.
//
//   import { startCouch, createDb, putDoc } from "./couch.mjs";
//   const couch = await startCouch();                  // admin party, CORS open
//   const couch = await startCouch({ admin: { name: "admin", password: "pw" } });
//   await createDb(couch.adminUrl, "daftar");
//   await putDoc(couch.adminUrl, "daftar", { _id: "a", v: 1 });
//   ...
//   await couch.stop();
//
// URLs may carry credentials (http://admin:pw@127.0.0.1:5999): the helpers send them
// as HTTP Basic auth (fetch itself refuses URLs with credentials).
//
// What pouchdb-server 4.2.0 does, checked by hand against a running instance
// (node 20, --in-memory):
// - It starts in "admin party": GET /_session as anonymous answers
//   userCtx {name: null, roles: ["_admin"]}, and anyone may do anything.
// - PUT /_config/admins/<name> with body "\"<password>\"" creates a server admin
//   (stored pbkdf2-hashed in its config.json) and ends the admin party at once.
// - PUT /_users/org.couchdb.user:<name> {name, password, roles, type: "user"} creates a
//   user; only an admin may set roles (anonymous sign-up with roles: 403 "Only _admin
//   may set roles"; with roles [] it is allowed, as in CouchDB).
// - Basic auth works. POST /_session (JSON or form body) answers
//   {ok, name, roles} and sets "AuthSession=...; Path=/; HttpOnly": no SameSite, no
//   Secure, no Max-Age. Chromium then treats it as SameSite=Lax, which is fine between
//   two ports of 127.0.0.1 (same site), not between two sites. DELETE /_session works.
// - _security is enforced for doc reads/writes, _changes, _all_docs, _revs_diff,
//   _local docs and _security itself, BUT: POST /db/_bulk_get is NOT checked (anyone
//   can read a members-only db through it); refusals are 401 "unauthorized" for a
//   signed-in non-member too (CouchDB says 403 "forbidden"); _bulk_docs answers 201
//   with a per-doc {error: "unauthorized"} instead of a 401.
// - validate_doc_update is enforced on PUT, POST, DELETE, _bulk_docs, and
//   _bulk_docs with new_edits=false (replication writes); a thrown {forbidden} is
//   403 {error: "forbidden", reason} (per doc in _bulk_docs).
// - _bulk_docs results are NOT always in request order: refused docs (validation,
//   security) and _design/ or _local/ docs come first. Match results by id.
// - GET /db/doc?open_revs=all answers a JSON array of {ok: doc} for every leaf,
//   deleted ones included ({ok: {_id, _rev, _deleted: true}}), and {missing: rev}
//   for unknown revs in open_revs=[...]; never multipart (even with
//   Accept: multipart/mixed). A doc never seen: 404 not_found/missing.
// - _changes: seqs are integers (CouchDB 3: opaque strings); no "pending" field.
// - CRASH: once an admin exists, PUT /<db> by anyone who is not a server admin kills
//   the server (TypeError: db.info is not a function in express-pouchdb). Create
//   databases as admin only.
// - CORS is on by default (any origin, echoed back, with credentials); the
//   /_config/httpd/enable_cors and /_config/cors/{origins,credentials,methods,headers}
//   settings work live. origins is split on ", " exactly (comma AND space). It exposes
//   no response headers beyond the CORS-safelisted ones (no ETag for scripts).
// - Even in memory it writes config.json and log.txt into its working directory:
//   startCouch runs it in a fresh temporary directory.

import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "node_modules", ".bin", "pouchdb-server");

// Loaded into the server's node before pouchdb-server: exit when the IPC channel to
// this process closes, so a test process that dies (even by SIGKILL) leaves no server.
const WATCHDOG = 'data:text/javascript,process.on("disconnect",()=>process.exit(0))';

/** Headers CORS lets a page send; pouchdb-server's default list lacks some. */
const CORS_HEADERS = "accept, authorization, content-type, origin, referer, if-match, if-none-match, x-requested-with";

const running = new Map(); // child process -> its temporary directory
process.on("exit", () => {
  for (const [child, dir] of running) {
    try { child.kill("SIGKILL"); } catch { /* already gone */ }
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
});

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Splits credentials off a URL: fetch refuses them inline. */
function target(url, path = "") {
  const u = new URL(url);
  const headers = {};
  if (u.username || u.password) {
    const cred = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    headers.authorization = "Basic " + Buffer.from(cred).toString("base64");
    u.username = "";
    u.password = "";
  }
  return { href: u.href.replace(/\/+$/, "") + path, headers };
}

/**
 * One request, as curl would send it. `body` is sent as JSON unless it is a string.
 * Returns { status, json, headers } (json is the raw text when the body is not JSON).
 */
export async function couchFetch(url, path, { method = "GET", body, headers = {} } = {}) {
  const t = target(url, path);
  const h = { accept: "application/json", ...t.headers, ...headers };
  let payload;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    h["content-type"] ??= "application/json";
  }
  const res = await fetch(t.href, { method, headers: h, body: payload });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, json, headers: res.headers };
}

function check(what, r, ok) {
  if (!ok.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

const seg = (s) => encodeURIComponent(s);
/** Doc ids keep their "/" after _design/ and _local/ (as CouchDB expects). */
function docPath(id) {
  const m = /^(_design|_local)\/(.+)$/.exec(id);
  return m ? `${m[1]}/${seg(m[2])}` : seg(id);
}

/** Creates a database; an existing one is fine (412 file_exists). Needs an admin once one exists. */
export async function createDb(url, name) {
  return check(`PUT /${name}`, await couchFetch(url, `/${seg(name)}`, { method: "PUT" }), [201, 202, 412]);
}

/** Stores a doc (PUT with its _id, POST without); returns {ok, id, rev}. Throws on refusal. */
export async function putDoc(url, db, doc) {
  const r = doc._id === undefined
    ? await couchFetch(url, `/${seg(db)}`, { method: "POST", body: doc })
    : await couchFetch(url, `/${seg(db)}/${docPath(doc._id)}`, { method: "PUT", body: doc });
  return check(`write ${doc._id ?? "(new doc)"} in ${db}`, r, [201, 202]);
}

/** Reads a doc (query like "?conflicts=true"); null when missing. */
export async function getDoc(url, db, id, query = "") {
  const r = await couchFetch(url, `/${seg(db)}/${docPath(id)}${query}`);
  if (r.status === 404) return null;
  return check(`GET ${id} in ${db}`, r, [200]);
}

/** Creates (or replaces) a user in _users, e.g. roles ["daftar"]. Needs an admin. */
export async function createUser(url, name, password, roles = []) {
  const id = `org.couchdb.user:${name}`;
  const old = await couchFetch(url, `/_users/${seg(id)}`);
  const doc = { _id: id, name, password, roles, type: "user" };
  if (old.status === 200) doc._rev = old.json._rev;
  return check(`create user ${name}`, await couchFetch(url, `/_users/${seg(id)}`, { method: "PUT", body: doc }), [201, 202]);
}

/** Sets a database's _security, e.g. { admins: {roles: ["_admin"]}, members: {roles: ["daftar"]} }. */
export async function putSecurity(url, db, security) {
  return check(`PUT /${db}/_security`, await couchFetch(url, `/${seg(db)}/_security`, { method: "PUT", body: security }), [200]);
}

/** Sets one /_config value (the string form, as CouchDB stores it). */
export async function putConfig(url, section, key, value) {
  return check(`PUT /_config/${section}/${key}`,
    await couchFetch(url, `/_config/${seg(section)}/${seg(key)}`, { method: "PUT", body: JSON.stringify(String(value)) }), [200]);
}

/**
 * Starts pouchdb-server in memory on a free port of 127.0.0.1 and opens CORS to pages
 * of any origin (or `origins`, an array), credentials allowed.
 * `admin: {name, password}` creates a server admin (ending the admin party).
 * Resolves to { url, adminUrl, port, dir, log(), stop() }: url has no credentials,
 * adminUrl carries the admin's (same as url without an admin).
 */
export async function startCouch({ admin, origins = "*", timeoutMs = 20_000 } = {}) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run scripts/install.sh`);
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await startOn(port, { admin, origins, timeoutMs });
    } catch (e) {
      lastError = e;
      if (!e.portTaken) throw e;
    }
  }
  throw lastError;
}

async function startOn(port, { admin, origins, timeoutMs }) {
  const dir = mkdtempSync(join(tmpdir(), "daftar-couch-"));
  const uuid = randomUUID();
  // A known uuid tells this server from anything else that answers on the port.
  writeFileSync(join(dir, "config.json"), JSON.stringify({ couchdb: { uuid } }));
  const child = spawn(process.execPath,
    ["--import", WATCHDOG, BIN, "--in-memory", "-n", "--host", "127.0.0.1", "--port", String(port)],
    { cwd: dir, stdio: ["ignore", "ignore", "pipe", "ipc"], env: { ...process.env, NO_COLOR: "1" } });
  running.set(child, dir);
  // Neither the child nor its channel keeps this process alive; the watchdog ends the
  // child when this process ends.
  child.unref();
  child.channel?.unref();
  let stderr = "";
  child.stderr.on("data", (d) => { stderr = (stderr + d).slice(-8000); });
  child.stderr.unref?.();
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => { running.delete(child); resolve({ code, signal }); }));
  let gone = null;
  exited.then((e) => { gone = e; });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!gone) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const fail = async (msg, portTaken = false) => {
    await stop();
    const e = new Error(`pouchdb-server on port ${port}: ${msg}${stderr ? `\n${stderr}` : ""}`);
    e.portTaken = portTaken;
    throw e;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) return fail(`exited (${gone.code ?? gone.signal}) before answering`, /EADDRINUSE|already in use/.test(stderr));
    try {
      const r = await fetch(`${url}/`, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(2000) });
      const body = await r.json().catch(() => ({}));
      if (body.uuid === uuid) break;
      return fail("another server answers on this port", true);
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) return fail(`no answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }

  let adminUrl = url;
  try {
    await putConfig(url, "httpd", "enable_cors", "true");
    await putConfig(url, "cors", "origins", origins === "*" ? "*" : [].concat(origins).join(", "));
    await putConfig(url, "cors", "credentials", "true");
    await putConfig(url, "cors", "methods", "GET, HEAD, POST, PUT, DELETE, COPY");
    await putConfig(url, "cors", "headers", CORS_HEADERS);
    if (admin) {
      await putConfig(url, "admins", admin.name, admin.password);
      adminUrl = `http://${seg(admin.name)}:${seg(admin.password)}@127.0.0.1:${port}`;
    }
  } catch (e) {
    return fail(`configuring: ${e.message}`);
  }
  return {
    url,
    adminUrl,
    port,
    dir,
    /** pouchdb-server's own log (requests and errors), for a failing test's output. */
    log: () => { try { return readFileSync(join(dir, "log.txt"), "utf8"); } catch { return ""; } },
    /** Whether the process is still running (a crash shows here). */
    alive: () => !gone,
    stop,
  };
}
