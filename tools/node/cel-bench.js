#!/usr/bin/env node
// The Node.js side of `Verity.Bench cel` (issue 7, point 6): compiled-evaluation throughput of @bufbuild/cel on the
// same expressions and Pods as the .NET engines. Reads the input file the C# command writes:
//   { "seconds": 1, "warmupSeconds": 1, "rounds": 3, "checkOnly": false,
//     "cases": [{ "name": "...", "expression": "..." }], "pods": ["<pod JSON text>", ...] }
// and prints one JSON document on stdout:
//   { "engine", "node", "input", "compileErrors": { index: message }, "outcomes": [[ "true"|"false"|"error: ..." ]],
//     "rounds": [[ evals/s per case ]] }   (rounds empty when checkOnly)
// Each expression is parsed and planned once (parse + plan, the library's compile-once API); each Pod is converted
// once, outside the timed loop, into the input types its README documents (Map for objects, bigint for integers,
// so that Kubernetes integers are CEL ints as in the other engines). Usage: node tools/node/cel-bench.js input.json
"use strict";
const fs = require("fs");
const { celEnv, parse, plan, isCelError } = require("@bufbuild/cel");
const { strings } = require("@bufbuild/cel/ext");
const path = require("path");
// The package's "exports" hide package.json; read it from the directory the entry point resolves to.
const celVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@bufbuild/cel")), "..", "..", "package.json"), "utf8")).version;

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

const toCel = (v) =>
  Array.isArray(v) ? v.map(toCel)
  : v !== null && typeof v === "object" ? new Map(Object.entries(v).map(([k, x]) => [k, toCel(x)]))
  : typeof v === "number" && Number.isInteger(v) ? BigInt(v)
  : v;

const env = celEnv({ funcs: strings });
const compileErrors = {};
const programs = input.cases.map((c, i) => {
  try {
    return plan(env, parse(c.expression));
  } catch (e) {
    compileErrors[i] = String(e && e.message ? e.message : e);
    return null;
  }
});
const bindings = input.pods.map((text) => ({ object: toCel(JSON.parse(text)) }));

const outcome = (r) =>
  isCelError(r) ? "error: " + r.message : r === true ? "true" : r === false ? "false" : "error: not a bool: " + String(r);
const outcomes = programs.map((p) => bindings.map((b) => {
  if (!p) return "error: not compiled";
  try { return outcome(p(b)); } catch (e) { return "error: thrown: " + String(e && e.message ? e.message : e); }
}));

let sink = 0;
// Evaluates the program over all Pods, again and again, for `seconds`; returns evaluations per second.
function measure(program, seconds) {
  const budget = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let evals = 0;
  let elapsed = 0n;
  do {
    for (let i = 0; i < bindings.length; i++) if (program(bindings[i]) === true) sink++;
    evals += bindings.length;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < budget);
  return evals / (Number(elapsed) / 1e9);
}

const rounds = [];
if (!input.checkOnly) {
  programs.forEach((p) => { if (p) measure(p, input.warmupSeconds); });
  for (let r = 0; r < input.rounds; r++) rounds.push(programs.map((p) => (p ? measure(p, input.seconds) : null)));
}

process.stdout.write(JSON.stringify({
  engine: "@bufbuild/cel " + celVersion,
  node: process.version,
  input: "JSON.parse once, then objects as Map and integers as bigint (converted once)",
  compileErrors, outcomes, rounds, sink,
}));
