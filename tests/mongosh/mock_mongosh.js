#!/usr/bin/env node
// A small stand-in for mongosh and a MongoDB server, to run clinic-plan's scripts in tests.
//
//   node mock_mongosh.js DATA_DIR SCRIPT OUT_DIR [--replica-set] [--database NAME]
//        [--change COLLECTION:ID:FIELD=JSON]...
//
// Loads the data folder's collections (JSON arrays or JSON Lines of relaxed or canonical
// Extended JSON), optionally changes documents first (as another user of the live database
// would have since the export), runs SCRIPT with the globals mongosh gives (db, print, quit,
// ObjectId, ISODate, NumberLong, NumberInt), records every call, and writes the collections
// to OUT_DIR as mongoexport does (relaxed Extended JSON, one document per line) plus
// OUT_DIR/calls.json. The exit status is the script's quit() code (0 when it ends normally).
// --replica-set makes hello() report a set, so the script uses a transaction, which this
// mock honours: a throw inside withTransaction rolls every collection back.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

class ObjectIdValue { constructor(hex) { this.hex = String(hex).toLowerCase(); } toString() { return this.hex; } }

function fromExtended(value) {
  if (Array.isArray(value)) return value.map(fromExtended);
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [k] = keys, v = value[k];
      if (k === "$oid") return new ObjectIdValue(v);
      if (k === "$date") {
        if (typeof v === "string") return new Date(v);
        if (typeof v === "object" && v.$numberLong !== undefined) return new Date(Number(v.$numberLong));
        return new Date(v);
      }
      if (k === "$numberInt" || k === "$numberLong" || k === "$numberDouble") return Number(v);
    }
    const out = {};
    for (const key of keys) out[key] = fromExtended(value[key]);
    return out;
  }
  return value;
}

function toExtended(value) {
  if (value instanceof ObjectIdValue) return { $oid: value.hex };
  if (value instanceof Date) return { $date: value.toISOString().replace(".000Z", "Z") };
  if (Array.isArray(value)) return value.map(toExtended);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value)) out[key] = toExtended(value[key]);
    return out;
  }
  return value;
}

function same(a, b) {
  if (a instanceof ObjectIdValue || b instanceof ObjectIdValue) {
    return a instanceof ObjectIdValue && b instanceof ObjectIdValue && a.hex === b.hex;
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]));
  }
  return a === b;
}

function matches(doc, filter) {
  for (const [key, wanted] of Object.entries(filter)) {
    const have = doc[key];
    if (wanted === null) { if (have !== undefined && have !== null) return false; continue; }
    if (wanted !== null && typeof wanted === "object" && !(wanted instanceof ObjectIdValue) && !(wanted instanceof Date)
        && !Array.isArray(wanted) && Object.keys(wanted).some((k) => k.startsWith("$"))) {
      const list = Array.isArray(have) ? have : have === undefined || have === null ? [] : [have];
      for (const [op, operand] of Object.entries(wanted)) {
        if (op === "$nin") { if (operand.some((x) => list.some((y) => same(x, y)))) return false; }
        else if (op === "$all") { if (!operand.every((x) => list.some((y) => same(x, y)))) return false; }
        else throw new Error("mock: unsupported query operator " + op);
      }
      continue;
    }
    if (Array.isArray(have) && !Array.isArray(wanted)) { if (!have.some((x) => same(x, wanted))) return false; continue; }
    if (!same(have, wanted)) return false;
  }
  return true;
}

function applyUpdate(doc, update) {
  for (const [op, fields] of Object.entries(update)) {
    for (const [key, value] of Object.entries(fields)) {
      switch (op) {
        case "$set": doc[key] = value; break;
        case "$unset": delete doc[key]; break;
        case "$addToSet": {
          const list = doc[key] === undefined ? [] : doc[key];
          if (!Array.isArray(list)) throw new Error("mock: $addToSet on a non-array " + key);
          const items = value !== null && typeof value === "object" && value.$each ? value.$each : [value];
          for (const item of items) if (!list.some((x) => same(x, item))) list.push(item);
          doc[key] = list;
          break;
        }
        case "$pull": {
          if (doc[key] === undefined) break;
          const gone = value !== null && typeof value === "object" && value.$in ? value.$in : [value];
          doc[key] = doc[key].filter((x) => !gone.some((g) => same(x, g)));
          break;
        }
        default: throw new Error("mock: unsupported update operator " + op);
      }
    }
  }
}

function main() {
  const args = process.argv.slice(2);
  const [dataDir, scriptPath, outDir] = args;
  let replicaSet = false, startDatabase = "test";
  const changes = [];
  for (let i = 3; i < args.length; i++) {
    if (args[i] === "--replica-set") replicaSet = true;
    else if (args[i] === "--database") startDatabase = args[++i];
    else if (args[i] === "--change") changes.push(args[++i]);
    else throw new Error("unknown argument " + args[i]);
  }
  const files = {};   // collection name -> file name
  const collections = {};
  for (const file of fs.readdirSync(dataDir).filter((f) => f.endsWith(".json") && f !== "calls.json" && f !== "clinic-plan.json").sort()) {
    const name = file === "schedules.json" ? "Schedules" : file.slice(0, -5);
    const text = fs.readFileSync(path.join(dataDir, file), "utf8").trim();
    const docs = text === "" ? [] : text.startsWith("[") ? JSON.parse(text) : text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
    files[name] = file;
    collections[name] = docs.map(fromExtended);
  }
  for (const change of changes) {
    const [collection, id] = change.split(":", 2);
    const rest = change.slice(collection.length + id.length + 2);
    const eq = rest.indexOf("=");
    const field = rest.slice(0, eq), value = fromExtended(JSON.parse(rest.slice(eq + 1)));
    const doc = (collections[collection] || []).find((d) => String(d._id) === id);
    if (!doc) throw new Error("mock: --change: no document " + id + " in " + collection);
    doc[field] = value;
  }

  const calls = [];
  let currentName = startDatabase;
  function makeCollection(name) {
    return {
      insertOne(document) {
        calls.push({ op: "insertOne", collection: name, document: toExtended(document) });
        const list = collections[name] || (collections[name] = []);
        if (list.some((d) => same(d._id, document._id))) {
          const error = new Error("E11000 duplicate key error collection: " + name + " index: _id_ dup key");
          error.code = 11000;
          throw error;
        }
        list.push(fromExtended(toExtended(document)));   // a copy, as the server stores it
        return { acknowledged: true, insertedId: document._id };
      },
      updateOne(filter, update) {
        calls.push({ op: "updateOne", collection: name, filter: toExtended(filter), update: toExtended(update) });
        const list = collections[name] || [];
        const doc = list.find((d) => matches(d, filter));
        if (!doc) return { acknowledged: true, matchedCount: 0, modifiedCount: 0 };
        const before = JSON.stringify(toExtended(doc));
        applyUpdate(doc, update);
        return { acknowledged: true, matchedCount: 1, modifiedCount: before === JSON.stringify(toExtended(doc)) ? 0 : 1 };
      },
    };
  }
  function makeDatabase() {
    return {
      getSiblingDB(name) { calls.push({ op: "getSiblingDB", name }); currentName = name; return makeDatabase(); },
      getName() { return currentName; },
      getCollection(name) { return makeCollection(name); },
      hello() { return replicaSet ? { isWritablePrimary: true, setName: "rs0" } : { isWritablePrimary: true }; },
      getMongo() {
        return {
          startSession() {
            calls.push({ op: "startSession" });
            return {
              getDatabase(name) { calls.push({ op: "session.getDatabase", name }); return makeDatabase(); },
              withTransaction(body) {
                calls.push({ op: "withTransaction" });
                const snapshot = JSON.stringify(Object.fromEntries(Object.entries(collections).map(([k, v]) => [k, v.map(toExtended)])));
                try {
                  body();
                  calls.push({ op: "commitTransaction" });
                } catch (error) {
                  calls.push({ op: "abortTransaction" });
                  const saved = JSON.parse(snapshot);
                  for (const key of Object.keys(collections)) delete collections[key];
                  for (const [k, v] of Object.entries(saved)) collections[k] = v.map(fromExtended);
                  throw error;
                }
              },
              endSession() { calls.push({ op: "endSession" }); },
            };
          },
        };
      },
    };
  }

  class Quit extends Error { constructor(code) { super("quit"); this.code = code; } }
  const printed = [];
  const context = vm.createContext({
    db: makeDatabase(),
    print: (...parts) => { const line = parts.join(" "); printed.push(line); console.log(line); },
    quit: (code) => { throw new Quit(code === undefined ? 0 : code); },
    ObjectId: (hex) => new ObjectIdValue(hex),
    ISODate: (text) => new Date(text),
    NumberLong: (text) => Number(text),
    NumberInt: (text) => Number(text),
    Number, Date, Error, JSON,
  });
  let status = 0;
  try {
    vm.runInContext(fs.readFileSync(scriptPath, "utf8"), context, { filename: scriptPath });
  } catch (error) {
    if (error instanceof Quit) status = error.code;
    else { console.error("mock mongosh: the script failed: " + (error && error.stack || error)); status = 99; }
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, docs] of Object.entries(collections)) {
    const file = files[name] || (name + ".json");
    fs.writeFileSync(path.join(outDir, file), docs.map((d) => JSON.stringify(toExtended(d))).join("\n") + (docs.length ? "\n" : ""));
  }
  fs.writeFileSync(path.join(outDir, "calls.json"), JSON.stringify({ calls, printed, database: currentName }, null, 1));
  process.exit(status);
}

main();
