#!/usr/bin/env node
// A load client for `pnpm bench deploy` that, unlike wrk, says which connection each failed
// request was on: CONNECTIONS keep-alive connections, each sending GET URL one request after
// another, until its standard input closes. Then it prints one JSON array of requests:
// [connectionOpenedAt, startedAt, endedAt, status] (epoch ms; status 0: failed, with no answer),
// so the bench can tell requests lost on the connections open when the proxy was killed from
// requests on connections made after the kill.
// Usage: node scripts/bench/deploy-load-client.mjs URL CONNECTIONS
import { Agent, request } from "node:http";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/deploy-load-client.mjs URL CONNECTIONS   (stops when its standard input closes)\n");
  process.exit(0);
}
const url = new URL(process.argv[2] ?? "");
const connections = Number(process.argv[3] ?? 50);
const records = [];
let running = true;
const opened = new WeakMap();

function one(agent) {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    let socketOpenedAt = startedAt;
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent, timeout: 15_000 }, (res) => {
      res.resume();
      res.on("end", () => {
        records.push([socketOpenedAt, startedAt, Date.now(), res.statusCode ?? 0]);
        resolve();
      });
      res.on("error", () => {
        records.push([socketOpenedAt, startedAt, Date.now(), 0]);
        resolve();
      });
    });
    req.on("socket", (socket) => {
      if (!opened.has(socket)) opened.set(socket, Date.now());
      socketOpenedAt = opened.get(socket);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", () => {
      records.push([socketOpenedAt, startedAt, Date.now(), 0]);
      resolve();
    });
    req.end();
  });
}

async function connection() {
  // one agent per connection: a failed connection is replaced by a new one, as wrk does
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  while (running) await one(agent);
  agent.destroy();
}

const all = Promise.all(Array.from({ length: connections }, connection));
process.stdin.resume();
process.stdin.on("end", async () => {
  running = false;
  await all;
  process.stdout.write(`${JSON.stringify(records)}\n`);
});
