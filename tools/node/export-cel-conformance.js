#!/usr/bin/env node
// Exports the cel-spec conformance data shipped in @bufbuild/cel-spec (cel-spec v0.25.1
// suites in protobuf-JSON form) plus descriptor summaries of the test message types,
// as one JSON document on stdout (or into the file given as first argument).
// Consumed by tests/Verity.Cel.Tests (ConformanceTests). Usage:
//   node tools/node/export-cel-conformance.js [out.json]
"use strict";
const path = require("path");
const fs = require("fs");
const base = path.join(__dirname, "node_modules", "@bufbuild", "cel-spec", "dist", "cjs", "testdata");
const load = (f) => require(path.join(base, f)).tests;

function flatten(file) {
  // conformance: file -> suites (e.g. "basic") -> sections -> tests
  const suites = [];
  for (const s of file.suites || []) {
    const sections = [];
    const walk = (x, prefix) => {
      if (x.tests && x.tests.length) sections.push({ name: prefix, tests: x.tests.map((t) => t.original) });
      for (const c of x.suites || []) walk(c, prefix ? prefix + "/" + c.name : c.name);
    };
    walk(s, "");
    suites.push({ name: s.name, sections });
  }
  return suites;
}

function simple(file) {
  // parsing/checking/comprehension: expr + error? + type
  return file.tests.map((t) => ({ expr: t.original.expr, container: t.original.container, typeEnv: t.original.typeEnv,
    error: t.error || null, type: t.type || null }));
}

function descriptors() {
  const { getTestRegistry } = require(path.join(base, "registry.js"));
  const reg = getTestRegistry();
  const messages = {};
  const enums = {};
  const scalarName = { 1: "double", 2: "float", 3: "int64", 4: "uint64", 5: "int32", 6: "fixed64", 7: "fixed32", 8: "bool",
    9: "string", 12: "bytes", 13: "uint32", 15: "sfixed32", 16: "sfixed64", 17: "sint32", 18: "sint64" };
  const kindOf = (kind, scalar, message, en) =>
    kind === "scalar" ? scalarName[scalar] : kind === "enum" ? "enum:" + en.typeName : "message:" + message.typeName;
  for (const t of reg) {
    if (t.kind === "enum") {
      enums[t.typeName] = t.values.map((v) => ({ name: v.name, number: v.number }));
    } else if (t.kind === "message") {
      messages[t.typeName] = t.fields.map((f) => {
        const r = { name: f.name, jsonName: f.jsonName, number: f.number };
        if (f.fieldKind === "map") {
          r.map = true;
          r.key = scalarName[f.mapKey];
          r.type = kindOf(f.mapKind, f.scalar, f.message, f.enum);
        } else if (f.fieldKind === "list") {
          r.repeated = true;
          r.type = kindOf(f.listKind, f.scalar, f.message, f.enum);
        } else {
          r.type = kindOf(f.fieldKind, f.scalar, f.message, f.enum);
          // presence: 1 explicit (has-bit), 2 implicit (proto3 scalar), 3 required
          r.explicitPresence = f.presence !== 2 || f.fieldKind === "message";
          if (f.oneof) r.oneof = f.oneof.name;
          const d = f.getDefaultValue ? f.getDefaultValue() : undefined;
          if (d !== undefined) r.default = typeof d === "bigint" ? d.toString() : d instanceof Uint8Array ? Buffer.from(d).toString("base64") : d;
        }
        return r;
      });
    }
  }
  return { messages, enums };
}

const out = {
  conformance: flatten(load("conformance.js")),
  parsing: simple(load("parsing.js")),
  checking: simple(load("checking.js")),
  comprehension: simple(load("comprehension.js")),
  types: descriptors(),
};
const json = JSON.stringify(out);
if (process.argv[2]) fs.writeFileSync(process.argv[2], json);
else process.stdout.write(json);
