import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deploy, type DeployResult } from "@warden/deploy";
import type { DeployEvent } from "@warden/core";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, commitService, localEnv, serviceRepo } from "./helpers.js";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/**
 * A service that speaks WebSocket (RFC 6455, text frames under 126 bytes): it echoes each message
 * as `<version>:<message>`; on SIGTERM it closes every open WebSocket with a close frame 1001
 * ("going away"), then exits.
 */
function webSocketService(version: string): string {
  return `import { createServer } from "node:http";
import { createHash } from "node:crypto";
const open = new Set();
const frame = (opcode, payload) => Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), payload]);
const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("${version}\\n");
});
server.on("upgrade", (req, socket) => {
  const accept = createHash("sha1").update(String(req.headers["sec-websocket-key"]) + "${GUID}").digest("base64");
  socket.write("HTTP/1.1 101 Switching Protocols\\r\\nupgrade: websocket\\r\\nconnection: Upgrade\\r\\nsec-websocket-accept: " + accept + "\\r\\n\\r\\n");
  open.add(socket);
  socket.on("close", () => open.delete(socket));
  socket.on("error", () => open.delete(socket));
  let buffered = Buffer.alloc(0);
  socket.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 6 && buffered.length >= 6 + (buffered[1] & 0x7f)) {
      const length = buffered[1] & 0x7f;
      const mask = buffered.subarray(2, 6);
      const text = Buffer.from(buffered.subarray(6, 6 + length).map((b, i) => b ^ mask[i % 4])).toString("utf8");
      const opcode = buffered[0] & 0x0f;
      buffered = buffered.subarray(6 + length);
      if (opcode === 0x1) socket.write(frame(0x1, Buffer.from("${version}:" + text)));
      if (opcode === 0x8) socket.end(frame(0x8, Buffer.alloc(0)));
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // drain: every open WebSocket is told the server is going away, then closed
  for (const socket of open) socket.end(frame(0x8, Buffer.from([0x03, 0xe9])));
});
`;
}

interface Client {
  readonly status: number;
  readonly acceptOk: boolean;
  say(text: string): Promise<string>;
  /** Resolves with the close code the server sent (undefined: the connection ended without a close frame). */
  readonly closed: Promise<number | undefined>;
  end(): void;
}

/** A minimal WebSocket client (masked text frames under 126 bytes) through `url`. */
function openWebSocket(url: string): Promise<Client> {
  const key = randomBytes(16).toString("base64");
  const expected = createHash("sha1").update(key + GUID).digest("base64");
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: "/socket", agent: false, headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-key": key, "sec-websocket-version": "13" } });
    req.on("upgrade", (res, socket: Socket, head: Buffer) => {
      let buffered = head;
      const waiting: ((text: string) => void)[] = [];
      let closeCode: number | undefined;
      let settleClosed: (code: number | undefined) => void = () => undefined;
      const closed = new Promise<number | undefined>((done) => (settleClosed = done));
      const read = (): void => {
        while (buffered.length >= 2 && buffered.length >= 2 + ((buffered[1] ?? 0) & 0x7f)) {
          const length = (buffered[1] ?? 0) & 0x7f;
          const opcode = (buffered[0] ?? 0) & 0x0f;
          const payload = buffered.subarray(2, 2 + length);
          buffered = buffered.subarray(2 + length);
          if (opcode === 0x1) waiting.shift()?.(payload.toString("utf8"));
          if (opcode === 0x8) closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        }
      };
      read();
      socket.on("data", (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        read();
      });
      socket.on("close", () => settleClosed(closeCode));
      socket.on("error", () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        acceptOk: res.headers["sec-websocket-accept"] === expected,
        say: (text) =>
          new Promise((done) => {
            waiting.push(done);
            const payload = Buffer.from(text);
            const mask = randomBytes(4);
            socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, payload.map((b, i) => b ^ (mask[i % 4] ?? 0))]));
          }),
        closed,
        end: () => socket.destroy(),
      });
    });
    req.on("response", (res) => reject(new Error(`no upgrade: status ${res.statusCode ?? 0}`)));
    req.on("error", reject);
    req.end();
  });
}

const repos: TempRepo[] = [];
afterAll(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

describe("WebSocket through the proxy during a blue-green deploy", () => {
  it("keeps an open WebSocket on the old version until stop_old closes it cleanly (1001), while new ones reach the new version", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    commitService(repo, webSocketService("v1"));
    // the hook before stop_old waits for this file (20 s at most): the test acts between the switch and the old version's stop
    const gate = path.join(repo.dir, ".warden", "stop-old-gate");
    mkdirSync(path.dirname(gate), { recursive: true });
    writeFileSync(gate, "");
    const config = localEnv({ hooks: { before: { stop_old: `for i in $(seq 1000); do [ -f '${gate}' ] && break; sleep 0.02; done` }, after: {} } });
    const first = await deploy({ root: repo.dir, env: "ws", config });
    expect(first.outcome, first.error).toBe("succeeded");
    const url = first.url ?? "";
    const before = await openWebSocket(url);
    expect([before.status, before.acceptOk]).toEqual([101, true]);
    expect(await before.say("hello")).toBe("v1:hello");

    commitService(repo, webSocketService("v2"));
    rmSync(gate);
    let switched: () => void = () => undefined;
    const atSwitch = new Promise<void>((resolve) => (switched = resolve));
    const stoppedOld: string[] = [];
    const second: Promise<DeployResult> = deploy({
      root: repo.dir,
      env: "ws",
      config,
      onEvent: (event: DeployEvent) => {
        if (event.type === "switched") switched();
        if (event.type === "stopped_old") stoppedOld.push(event.type);
      },
    });
    await atSwitch;
    // switched: a new WebSocket reaches v2; the one opened before still talks to v1
    const after = await openWebSocket(url);
    expect([after.status, after.acceptOk]).toEqual([101, true]);
    expect(await after.say("hi")).toBe("v2:hi");
    expect(await before.say("still there")).toBe("v1:still there");
    expect(stoppedOld).toEqual([]);
    // stop_old: v1 drains its WebSocket with a close frame (going away), not a reset
    writeFileSync(gate, "");
    expect(await before.closed).toBe(1001);
    const result = await second;
    expect(result.outcome, result.error).toBe("succeeded");
    expect(await after.say("after stop_old")).toBe("v2:after stop_old");
    const later = await openWebSocket(url);
    expect(await later.say("new")).toBe("v2:new");
    after.end();
    later.end();
  });
});
