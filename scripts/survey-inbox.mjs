#!/usr/bin/env node
// Installs the survey inbox rules into a CouchDB-protocol database (Apache CouchDB 3,
// pouchdb-server): a customer's survey page may drop its sealed response code there,
// and the team's Daftar devices pick the codes up and delete the ones they filed.
//
// Usage: node scripts/survey-inbox.mjs <server-url> [db=daftar-inbox] [--user U --password P]
//   The server URL may also carry the credentials (https://admin:pw@couch.example.com);
//   they are sent as HTTP Basic auth. The user must be a server admin (a database
//   admin is enough for an existing database).
//
// What it installs (creating the database if it is missing), idempotently:
//   _design/inbox  a validate_doc_update function: anyone, anonymous included, may only
//                  create `response:...` docs whose only own field is `code`, a string
//                  "DF1...." of at most MAX_CODE characters; only server admins and users
//                  with the role `daftar` may update or delete a doc; only server admins
//                  may touch design docs.
//   _security      admins: role _admin; members: nobody, which CouchDB reads as "public":
//                  anonymous visitors can write (subject to the function above) AND read.
//                  Reading is acceptable here: a response code is sealed (encrypted to the
//                  issuing Daftar's key) and only that Daftar can open it; what leaks is how
//                  many responses arrived and when.
// Needs only Node 18+ (global fetch); no npm packages.

// The longest code accepted: Daftar's importer's own limit, MAX_CODE_TEXT
// (32 KiB, core/src/surveys/seal/mod.rs); a page sealing the full 16 KiB of answers
// makes a code of about 22 KiB.
const MAX_CODE = 32 * 1024;

// Runs inside the server (CouchDB's SpiderMonkey/QuickJS, or pouchdb-server's eval):
// plain ES5, no closures over this file. Thrown {forbidden} becomes HTTP 403.
function validate(newDoc, oldDoc, userCtx, secObj) {
  var MAX = 0; // replaced with MAX_CODE when installed
  var roles = (userCtx && userCtx.roles) || [];
  var admin = roles.indexOf("_admin") !== -1;
  var team = admin || roles.indexOf("daftar") !== -1;
  var id = String(newDoc._id);
  if (id.indexOf("_design/") === 0) {
    if (!admin) throw { forbidden: "Only a server admin may change the inbox's design docs." };
    return;
  }
  if (admin) return;
  if (oldDoc || newDoc._deleted) {
    // Devices of the team delete the responses they filed; nobody else may change
    // or delete a response. (Re-creating an id whose doc was deleted counts as a new
    // doc: CouchDB and pouchdb-server pass oldDoc = null then.)
    if (team) return;
    throw { forbidden: "A response cannot be changed or deleted." };
  }
  if (id.indexOf("response:") !== 0) throw { forbidden: "Only response:... documents may be created here." };
  for (var key in newDoc) {
    if (key.charAt(0) === "_") {
      // _attachments would let anyone store arbitrary blobs.
      if (key === "_attachments") throw { forbidden: "Attachments are not allowed." };
      continue;
    }
    if (key !== "code") throw { forbidden: "A response has only the field code." };
  }
  var code = newDoc.code;
  if (typeof code !== "string" || code.indexOf("DF1.") !== 0 || code.length > MAX) {
    throw { forbidden: "code must be a Daftar response code (DF1....) of at most " + MAX + " characters." };
  }
}

const DESIGN = {
  _id: "_design/inbox",
  language: "javascript",
  // As an anonymous function expression, the form every CouchDB version accepts.
  validate_doc_update: validate
    .toString()
    .replace(/^function validate\(/, "function (")
    .replace("var MAX = 0; // replaced with MAX_CODE when installed", `var MAX = ${MAX_CODE};`),
};
const SECURITY = { admins: { names: [], roles: ["_admin"] }, members: { names: [], roles: [] } };

function usage(msg) {
  if (msg) console.error(`survey-inbox: ${msg}`);
  console.error("usage: node scripts/survey-inbox.mjs <server-url> [db=daftar-inbox] [--user U --password P]");
  process.exit(2);
}

function parseArgs(argv) {
  const out = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--user" || a === "--password") {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      out[a.slice(2)] = argv[++i];
    } else if (a === "-h" || a === "--help") usage();
    else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else out.positional.push(a);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.positional.length < 1 || args.positional.length > 2) usage();
let base;
try {
  base = new URL(args.positional[0]);
} catch {
  usage(`not a URL: ${args.positional[0]}`);
}
const db = args.positional[1] || "daftar-inbox";
let user = args.user ?? decodeURIComponent(base.username);
let password = args.password ?? decodeURIComponent(base.password);
// fetch refuses URLs with credentials: move them to a header.
base.username = "";
base.password = "";
const root = base.href.replace(/\/+$/, "");
const dbUrl = `${root}/${encodeURIComponent(db)}`;
const headers = { accept: "application/json", "content-type": "application/json" };
if (user) headers.authorization = "Basic " + Buffer.from(`${user}:${password ?? ""}`).toString("base64");

async function call(method, url, body) {
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new Error(`${method} ${url}: ${e.cause?.code || e.cause?.message || e.message}`);
  }
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, json };
}

function fail(what, r) {
  console.error(`survey-inbox: ${what} failed: HTTP ${r.status} ${JSON.stringify(r.json)}`);
  if (r.status === 401 || r.status === 403) console.error("survey-inbox: pass a server admin with --user and --password");
  process.exit(1);
}

// Same keys and values, whatever the key order (CouchDB may reorder object keys).
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
}

try {
  let r;
  if (user) {
    r = await call("GET", `${root}/_session`);
    if (r.status !== 200) fail(`signing in as ${user}`, r);
  }

  // 1. the database
  r = await call("GET", dbUrl);
  if (r.status === 404) {
    // Note: pouchdb-server 4.2 crashes (TypeError: db.info is not a function) when a
    // non-admin asks it to create a database, once an admin exists.
    r = await call("PUT", dbUrl);
    if (r.status !== 201 && r.status !== 202) fail(`creating database ${db}`, r);
    console.log(`created database ${db}`);
  } else if (r.status === 200) {
    console.log(`database ${db} exists`);
  } else if (r.status === 401 || r.status === 403) {
    // The database exists but is closed to this user (members set): go on, the admin
    // steps below say whether the user may change it.
    console.log(`database ${db} exists (not readable as this user)`);
  } else fail(`reading database ${db}`, r);

  // 2. the validation function
  const ddocUrl = `${dbUrl}/_design/inbox`;
  r = await call("GET", ddocUrl);
  if (r.status === 200) {
    const { _rev, ...current } = r.json;
    if (same(current, DESIGN)) {
      console.log(`_design/inbox is up to date (${_rev})`);
    } else {
      const put = await call("PUT", ddocUrl, { ...DESIGN, _rev });
      if (put.status !== 201 && put.status !== 202) fail("updating _design/inbox", put);
      console.log(`updated _design/inbox (${_rev} -> ${put.json.rev})`);
    }
  } else if (r.status === 404) {
    const put = await call("PUT", ddocUrl, DESIGN);
    if (put.status !== 201 && put.status !== 202) fail("creating _design/inbox", put);
    console.log(`created _design/inbox (${put.json.rev})`);
  } else fail("reading _design/inbox", r);

  // 3. the security object
  r = await call("GET", `${dbUrl}/_security`);
  if (r.status === 200 && same(r.json, SECURITY)) {
    console.log("_security is up to date (admins: role _admin; members: anyone)");
  } else {
    const put = await call("PUT", `${dbUrl}/_security`, SECURITY);
    if (put.status !== 200) fail("setting _security", put);
    console.log("set _security (admins: role _admin; members: anyone)");
  }
  console.log(`inbox ready: ${root}/${db} (anyone may post {"_id":"response:...","code":"DF1...."})`);
} catch (e) {
  console.error(`survey-inbox: ${e.message}`);
  process.exit(1);
}
