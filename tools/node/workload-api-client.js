#!/usr/bin/env node
// An independent SPIFFE Workload API client (issue 8 acceptance test): @grpc/grpc-js + @grpc/proto-loader load the same
// src/Verity.Server/WorkloadApi/workload.proto the server is generated from, connect to unix:///PATH and
//   (a) call FetchX509SVID WITHOUT the `workload.spiffe.io: true` header and report the status (expected: 3, INVALID_ARGUMENT);
//   (b) open FetchX509SVID WITH the header and print one JSON line per received message: the first SVID's spiffe_id and the
//       leaf certificate's serial number (upper-case hex), until --messages were seen (0 skips this step);
//   (c) with --jwt-audience AUD: fetch a JWT-SVID for AUD, verify its ES256 signature here with Node's crypto against the
//       key of the same kid in the FetchJWTBundles JWKS, then ask ValidateJWTSVID for AUD (must pass) and for another
//       audience (must be INVALID_ARGUMENT).
// Output: JSON lines on stdout ({"step": "no-header" | "x509svid" | "jwtsvid" | "validate" | "validate-wrong-audience" |
// "done" | "error" | "timeout", ...}). Exit 0 when every step went as expected, 1 otherwise, 2 on timeout or bad usage.
// Usage: node tools/node/workload-api-client.js --socket PATH [--messages 2] [--jwt-audience AUD] [--timeout-ms 30000]
//        (or SPIFFE_ENDPOINT_SOCKET=unix:///PATH instead of --socket)
// Used by tests/Verity.Server.Tests (WorkloadApiNodeClientTests); CI runs `npm ci` in tools/node first.
"use strict";
const path = require("path");
const crypto = require("crypto");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

function parseArgs(argv) {
  const args = { socket: null, messages: 2, timeoutMs: 30000, jwtAudience: null };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case "--socket": args.socket = value; i++; break;
      case "--messages": args.messages = Number(value); i++; break;
      case "--timeout-ms": args.timeoutMs = Number(value); i++; break;
      case "--jwt-audience": args.jwtAudience = value; i++; break;
      default: usage(`unknown argument ${argv[i]}`);
    }
  }
  if (!args.socket && process.env.SPIFFE_ENDPOINT_SOCKET) args.socket = process.env.SPIFFE_ENDPOINT_SOCKET.replace(/^unix:\/\//, "");
  if (!args.socket) usage("--socket PATH (or SPIFFE_ENDPOINT_SOCKET) is required");
  if (!Number.isInteger(args.messages) || args.messages < 0) usage("--messages must be a whole number (0 skips the X.509 stream)");
  if (!Number.isInteger(args.timeoutMs) || args.timeoutMs < 1) usage("--timeout-ms must be a positive integer");
  if (args.jwtAudience === "") usage("--jwt-audience must not be empty");
  return args;
}

function usage(message) {
  process.stderr.write(`workload-api-client: ${message}\nusage: node workload-api-client.js --socket PATH [--messages N] [--jwt-audience AUD] [--timeout-ms MS]\n`);
  process.exit(2);
}

function emit(record) {
  process.stdout.write(JSON.stringify(record) + "\n");
}

class StepFailed extends Error {}

function fail(record) {
  emit({ step: "error", ...record });
  throw new StepFailed(record.reason || record.details || "step failed");
}

function withHeader() {
  const metadata = new grpc.Metadata();
  metadata.add("workload.spiffe.io", "true");
  return metadata;
}

// The first DER element of a concatenation (the leaf of x509_svid): tag, then a short or long form length.
function firstDer(buffer) {
  const lengthByte = buffer[1];
  let length = lengthByte;
  let header = 2;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[2 + i];
    header = 2 + count;
  }
  return buffer.subarray(0, header + length);
}

// (a) FetchX509SVID without the security header must fail with INVALID_ARGUMENT.
function noHeader(client) {
  return new Promise((resolve, reject) => {
    const call = client.FetchX509SVID({});
    call.on("data", () => {
      call.cancel();
      reject(new StepFailed("a message arrived without the security header"));
    });
    call.on("error", (err) => {
      emit({ step: "no-header", code: err.code, status: grpc.status[err.code], details: err.details });
      if (err.code === grpc.status.INVALID_ARGUMENT) resolve();
      else reject(new StepFailed("expected INVALID_ARGUMENT"));
    });
  });
}

// (b) FetchX509SVID with the header: one line per message, until `messages` were received.
function x509Stream(client, messages) {
  return new Promise((resolve, reject) => {
    const call = client.FetchX509SVID({}, withHeader());
    let count = 0;
    let done = false;
    call.on("data", (response) => {
      count++;
      const svid = response.svids[0];
      const leaf = new crypto.X509Certificate(firstDer(svid.x509_svid));
      emit({
        step: "x509svid",
        index: count,
        spiffe_id: svid.spiffe_id,
        serial: leaf.serialNumber.toUpperCase(),
        not_after: new Date(leaf.validTo).toISOString(),
        svids: response.svids.length,
      });
      if (count >= messages) {
        done = true;
        call.cancel();
        resolve();
      }
    });
    call.on("error", (err) => {
      if (done && err.code === grpc.status.CANCELLED) return;
      emit({ step: "error", code: err.code, status: grpc.status[err.code], details: err.details });
      reject(new StepFailed(err.details));
    });
  });
}

function unary(client, method, request) {
  return new Promise((resolve, reject) => client[method](request, withHeader(), (err, response) => (err ? reject(err) : resolve(response))));
}

function firstMessage(client, method) {
  return new Promise((resolve, reject) => {
    const call = client[method]({}, withHeader());
    let done = false;
    call.on("data", (response) => {
      done = true;
      call.cancel();
      resolve(response);
    });
    call.on("error", (err) => {
      if (!done) reject(err);
    });
  });
}

// (c) JWT-SVID: fetch, verify locally against the JWKS, validate on the server, refuse a wrong audience.
async function jwt(client, audience) {
  const fetched = await unary(client, "FetchJWTSVID", { audience: [audience] });
  const svid = fetched.svids[0];
  const [headerPart, payloadPart, signaturePart] = svid.svid.split(".");
  const header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
  const claims = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  const bundles = await firstMessage(client, "FetchJWTBundles");
  const trustDomain = "spiffe://" + svid.spiffe_id.slice("spiffe://".length).split("/")[0];
  const jwks = JSON.parse(Buffer.from(bundles.bundles[trustDomain]).toString("utf8"));
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) fail({ reason: `no key ${header.kid} in the JWT bundle of ${trustDomain}` });
  const { use, kid, ...keyOnly } = jwk;
  const verified = crypto.verify("sha256", Buffer.from(`${headerPart}.${payloadPart}`), { key: crypto.createPublicKey({ key: keyOnly, format: "jwk" }), dsaEncoding: "ieee-p1363" },
    Buffer.from(signaturePart, "base64url"));
  emit({ step: "jwtsvid", spiffe_id: svid.spiffe_id, alg: header.alg, kid: header.kid, use, sub: claims.sub, aud: claims.aud, ttl_s: claims.exp - claims.iat, verified_locally: verified });
  if (!verified) fail({ reason: "the JWT-SVID's signature does not verify against the JWT bundle" });

  const valid = await unary(client, "ValidateJWTSVID", { audience, svid: svid.svid });
  emit({ step: "validate", spiffe_id: valid.spiffe_id, sub: valid.claims.fields.sub.stringValue });
  try {
    await unary(client, "ValidateJWTSVID", { audience: "not-" + audience, svid: svid.svid });
    fail({ reason: "a wrong audience was accepted" });
  } catch (err) {
    if (err instanceof StepFailed) throw err;
    emit({ step: "validate-wrong-audience", code: err.code, status: grpc.status[err.code], details: err.details });
    if (err.code !== grpc.status.INVALID_ARGUMENT) throw new StepFailed("expected INVALID_ARGUMENT");
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const protoPath = path.join(__dirname, "..", "..", "src", "Verity.Server", "WorkloadApi", "workload.proto");
  const definition = protoLoader.loadSync(protoPath, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const api = grpc.loadPackageDefinition(definition);
  const client = new api.SpiffeWorkloadAPI(`unix://${path.resolve(args.socket)}`, grpc.credentials.createInsecure());
  const timer = setTimeout(() => {
    emit({ step: "timeout", after_ms: args.timeoutMs });
    process.exit(2);
  }, args.timeoutMs);
  let count = 0;
  try {
    await noHeader(client);
    if (args.messages > 0) await x509Stream(client, args.messages);
    count = args.messages;
    if (args.jwtAudience) await jwt(client, args.jwtAudience);
    emit({ step: "done", messages: count });
    process.exitCode = 0;
  } catch (err) {
    if (!(err instanceof StepFailed)) emit({ step: "error", code: err.code, status: grpc.status[err.code], details: err.details || String(err) });
    process.exitCode = 1;
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

main();
