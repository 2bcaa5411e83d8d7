import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Agent, createServer, request, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { proxyScript, type ProxyInfo } from "@warden/deploy";
import { get } from "./helpers.js";

interface Running {
  readonly dir: string;
  readonly child: ChildProcess;
  readonly info: ProxyInfo;
  readonly reverts: string;
  readonly routes: string;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** An upstream that answers `body` to every request. */
async function upstream(body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`${body}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => server.close());
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`, server };
}

/** Start the generated proxy script as its own process, as the deploy targets do. */
async function startProxy(initial: unknown[], env: Record<string, string> = {}, more: (dir: string) => string[] = () => []): Promise<Running> {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-proxy-"));
  const script = path.join(dir, "proxy.mjs");
  const routes = path.join(dir, "routes.json");
  const infoFile = path.join(dir, "info.json");
  const reverts = path.join(dir, "reverts.jsonl");
  writeFileSync(script, proxyScript());
  writeFileSync(routes, JSON.stringify(initial));
  const child = spawn(process.execPath, [script, "0", routes, infoFile, reverts, ...more(dir)], { stdio: "ignore", env: { ...process.env, ...env } });
  cleanups.push(() => {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });
  const deadline = Date.now() + 10_000;
  while (!existsSync(infoFile)) {
    if (Date.now() > deadline) throw new Error("the proxy did not start");
    await sleep(20);
  }
  return { dir, child, info: JSON.parse(readFileSync(infoFile, "utf8")) as ProxyInfo, reverts, routes };
}

/** GET an admin endpoint of the proxy (with its token); resolves with the JSON answer. */
function adminGet(proxy: Running, urlPath: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: proxy.info.adminPort, path: urlPath, agent: false, headers: { authorization: `Bearer ${proxy.info.token ?? ""}` } }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
    });
    req.on("error", reject);
    req.end();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** POST a JSON body to the proxy's admin endpoint. */
function post(proxy: Running, urlPath: string, body: unknown, token: string | null = proxy.info.token ?? null): Promise<{ status: number; json: Record<string, unknown> | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = token === null ? {} : { authorization: `Bearer ${token}` };
    const req = request({ host: "127.0.0.1", port: proxy.info.adminPort, method: "POST", path: urlPath, agent: false, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: res.statusCode === 200 ? (JSON.parse(text) as Record<string, unknown>) : undefined, text }));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const served = async (proxy: Running): Promise<string> => (await get(`http://127.0.0.1:${proxy.info.port}/`)).body;

describe("the proxy's provisional switch (dead man's switch)", () => {
  it("reverts an unconfirmed switch after its lease, records it, and keeps a renewed or confirmed one", async () => {
    const old = await upstream("old");
    const fresh = await upstream("new");
    const oldRoute = { url: old.url, weight: 1, tag: "r1#0" };
    const newRoute = { url: fresh.url, weight: 1, tag: "r2#0" };
    const proxy = await startProxy([oldRoute]);
    expect(await served(proxy)).toBe("old");

    // unconfirmed: serves the new upstream for the lease, then goes back by itself
    const first = await post(proxy, "/switch", { routes: [newRoute], leaseMs: 400 });
    expect(first.status).toBe(200);
    const firstId = String(first.json?.id);
    expect(await served(proxy)).toBe("new");
    // what the next deploy's repair reads: the pending switch and the routes served meanwhile
    expect(await adminGet(proxy, "/switch")).toMatchObject({ pending: { id: firstId, to: ["r2#0"], from: ["r1#0"] }, routes: [newRoute] });
    await sleep(800);
    expect(await served(proxy)).toBe("old");
    expect(await adminGet(proxy, "/switch")).toMatchObject({ pending: null, routes: [oldRoute] });
    const reverts = readFileSync(proxy.reverts, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reverts).toEqual([expect.objectContaining({ id: firstId, leaseMs: 400, from: ["r2#0"], to: ["r1#0"] })]);
    // too late: confirming or renewing a reverted switch is refused, and nothing moves
    expect((await post(proxy, "/switch/confirm", { id: firstId })).status).toBe(409);
    expect((await post(proxy, "/switch/renew", { id: firstId })).status).toBe(409);
    expect(await served(proxy)).toBe("old");
    expect(JSON.parse(readFileSync(proxy.routes, "utf8"))).toEqual([oldRoute]);

    // renewed: held past several leases while renewals arrive, then reverted once they stop
    const second = await post(proxy, "/switch", { routes: [newRoute], leaseMs: 300 });
    const secondId = String(second.json?.id);
    for (let i = 0; i < 8; i += 1) {
      await sleep(100);
      expect((await post(proxy, "/switch/renew", { id: secondId })).status).toBe(200);
    }
    expect(await served(proxy)).toBe("new");
    await sleep(600);
    expect(await served(proxy)).toBe("old");

    // confirmed: kept for good (also in routes.json, for a restarted proxy)
    const third = await post(proxy, "/switch", { routes: [newRoute], leaseMs: 300 });
    expect((await post(proxy, "/switch/confirm", { id: third.json?.id })).status).toBe(200);
    await sleep(600);
    expect(await served(proxy)).toBe("new");
    expect(JSON.parse(readFileSync(proxy.routes, "utf8"))).toEqual([newRoute]);
    expect(readFileSync(proxy.reverts, "utf8").trim().split("\n")).toHaveLength(2);

    // setting routes for good cancels a pending switch: no revert afterwards
    await post(proxy, "/switch", { routes: [oldRoute], leaseMs: 300 });
    expect((await post(proxy, "/routes", [oldRoute])).status).toBe(200);
    await sleep(600);
    expect(await served(proxy)).toBe("old");
    expect(readFileSync(proxy.reverts, "utf8").trim().split("\n")).toHaveLength(2);
    expect((await post(proxy, "/switch", { routes: [newRoute], leaseMs: -1 })).status).toBe(400);
  });

  it("reverts without dropping a request: requests in flight finish, new ones go to the old upstream", async () => {
    const old = await upstream("old");
    // the new upstream answers slowly, so requests are in flight on it when the lease runs out
    const slow = createServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("new\n");
      }, 300);
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => slow.close());
    const slowAddress = slow.address();
    const slowUrl = `http://127.0.0.1:${typeof slowAddress === "object" && slowAddress !== null ? slowAddress.port : 0}`;
    const proxy = await startProxy([{ url: old.url, weight: 1, tag: "r1#0" }]);
    await post(proxy, "/switch", { routes: [{ url: slowUrl, weight: 1, tag: "r2#0" }], leaseMs: 250 });
    const answers: Promise<{ status: number; body: string }>[] = [];
    for (let i = 0; i < 20; i += 1) {
      answers.push(get(`http://127.0.0.1:${proxy.info.port}/`));
      await sleep(25);
    }
    const all = await Promise.all(answers);
    expect(all.filter((a) => a.status !== 200)).toEqual([]);
    expect(new Set(all.map((a) => a.body))).toEqual(new Set(["new", "old"]));
    expect(all.at(-1)?.body).toBe("old");
  });
});

/** An upstream that accepts `Upgrade: echo` and echoes every byte, prefixed once with `name:`. */
async function echoUpstream(name: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(426);
    res.end();
  });
  const sockets = new Set<Socket>();
  server.on("upgrade", (_req, socket: Socket) => {
    sockets.add(socket);
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: echo\r\nconnection: Upgrade\r\n\r\n${name}:`);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
}

/** Open an `Upgrade: echo` tunnel through the proxy; `say` writes and resolves with what came back. */
function openTunnel(port: number): Promise<{ status: number; say: (text: string) => Promise<string>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/ws", agent: false, headers: { connection: "Upgrade", upgrade: "echo" } });
    req.on("upgrade", (res, socket, head) => {
      let buffered = head.toString("utf8");
      let waiting: { text: string; done: (all: string) => void } | undefined;
      const settle = (): void => {
        if (waiting === undefined || !buffered.endsWith(waiting.text)) return;
        const { done } = waiting;
        waiting = undefined;
        const all = buffered;
        buffered = "";
        done(all);
      };
      socket.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        settle();
      });
      cleanups.push(() => socket.destroy());
      resolve({
        status: res.statusCode ?? 0,
        say: (text) =>
          new Promise((done) => {
            waiting = { text, done };
            socket.write(text);
          }),
        close: () => socket.destroy(),
      });
    });
    req.on("response", (res) => resolve({ status: res.statusCode ?? 0, say: async () => "", close: () => undefined }));
    req.on("error", reject);
    req.end();
  });
}

describe("the proxy's HTTP handling", () => {
  it("passes Upgrade (WebSocket) requests through; during a switch open tunnels stay on the old version, new ones reach the new one", async () => {
    const oldUrl = await echoUpstream("old");
    const newUrl = await echoUpstream("new");
    const proxy = await startProxy([{ url: oldUrl, weight: 1, tag: "r1#0" }]);
    const before = await openTunnel(proxy.info.port);
    expect(before.status).toBe(101);
    expect(await before.say("hello")).toBe("old:hello");
    expect((await post(proxy, "/routes", [{ url: newUrl, weight: 1, tag: "r2#0" }])).status).toBe(200);
    const after = await openTunnel(proxy.info.port);
    expect(after.status).toBe(101);
    expect(await after.say("hi")).toBe("new:hi");
    // the tunnel opened before the switch drains on the old version
    expect(await before.say("still")).toBe("still");
    before.close();
    after.close();
  });

  it("appends X-Forwarded-For, sets X-Forwarded-Proto and X-Forwarded-Host, refuses bodies over the limit, and answers 504 to a silent instance", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const echo = createServer((req, res) => {
      if (req.url === "/silent") return; // never answers
      seen.push(req.headers);
      req.resume();
      req.on("end", () => {
        res.writeHead(200);
        res.end("ok\n");
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      echo.closeAllConnections();
      echo.close();
    });
    const address = echo.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
    const proxy = await startProxy([{ url, weight: 1, tag: "r1#0" }], { WARDEN_PROXY_MAX_BODY_BYTES: "1000", WARDEN_PROXY_READ_TIMEOUT_MS: "300" });
    const send = (urlPath: string, headers: Record<string, string>, body = ""): Promise<{ status: number; text: string }> =>
      new Promise((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port: proxy.info.port, path: urlPath, method: body === "" ? "GET" : "POST", agent: false, headers: { ...headers, host: "shop.example" } }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString("utf8")));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        req.end(body);
      });
    expect((await send("/", { "x-forwarded-for": "203.0.113.7" })).status).toBe(200);
    expect(seen[0]).toMatchObject({ "x-forwarded-for": "203.0.113.7, 127.0.0.1", "x-forwarded-proto": "http", "x-forwarded-host": "shop.example" });
    expect((await send("/", { "x-forwarded-proto": "https" })).status).toBe(200);
    expect(seen[1]).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "https" });
    expect((await send("/", {}, "x".repeat(999))).status).toBe(200);
    const big = await send("/", {}, "x".repeat(1001));
    expect(big.status).toBe(413);
    expect(seen).toHaveLength(3);
    const silent = await send("/silent", {});
    expect(silent).toEqual({ status: 504, text: "upstream timed out\n" });
  });

  it("sends a request again on a new connection when a kept-alive one was closed by the instance (GET), never a POST", async () => {
    // the instance drops every connection at its second request, unanswered: as an instance closing an idle kept-alive connection just as the proxy reuses it
    const seen: string[] = [];
    const counts = new WeakMap<object, number>();
    const closing = createServer((req, res) => {
      const n = (counts.get(req.socket) ?? 0) + 1;
      counts.set(req.socket, n);
      seen.push(`${req.method ?? ""} ${n}`);
      if (n > 1) {
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok\n");
      });
    });
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      closing.closeAllConnections();
      closing.close();
    });
    const address = closing.address();
    const proxy = await startProxy([{ url: `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`, weight: 1, tag: "r1#0" }]);
    const send = (method: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port: proxy.info.port, path: "/", method, agent: false }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(method === "POST" ? "order=1" : undefined);
      });
    // one instance only: the GETs cannot be saved by another instance, only by a new connection
    const gets: number[] = [];
    for (let i = 0; i < 4; i += 1) gets.push(await send("GET"));
    expect(gets).toEqual([200, 200, 200, 200]);
    expect(seen.filter((s) => s.endsWith(" 2")).length).toBeGreaterThan(0);
    // a POST on such a connection may have reached the instance: 502, and it was not sent twice
    const before = seen.filter((s) => s.startsWith("POST")).length;
    expect(await send("POST")).toBe(502);
    expect(seen.filter((s) => s.startsWith("POST")).length - before).toBe(1);
  });

  it("keeps a keep-alive client's connections across a switch and the old instance closing its own: 0 errors", async () => {
    // the old instance answers `connection: close` (it is stopping); that is its connection to the proxy, not the client's
    const started: Server[] = [];
    const app = async (name: string, close: boolean): Promise<string> => {
      const server = createServer((_req: IncomingMessage, res) => {
        res.writeHead(200, { "content-type": "text/plain", ...(close ? { connection: "close" } : {}) });
        res.end(`${name}\n`);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      started.push(server);
      const address = server.address();
      return `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
    };
    const oldUrl = await app("old", true);
    const newUrl = await app("new", false);
    cleanups.push(() => {
      for (const server of started) {
        server.closeAllConnections();
        server.close();
      }
    });
    const proxy = await startProxy([{ url: oldUrl, weight: 1, tag: "r1#0" }]);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    cleanups.push(() => agent.destroy());
    let connections = 0;
    const connect = agent.createConnection.bind(agent);
    agent.createConnection = ((...args: Parameters<typeof connect>) => {
      connections += 1;
      return connect(...args);
    }) as typeof agent.createConnection;
    const answers: string[] = [];
    const errors: string[] = [];
    const one = (): Promise<void> =>
      new Promise((resolve) => {
        const req = request({ host: "127.0.0.1", port: proxy.info.port, path: "/", agent }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString("utf8")));
          res.on("end", () => {
            if (res.statusCode === 200) answers.push(text.trim());
            else errors.push(`status ${String(res.statusCode)}`);
            resolve();
          });
        });
        req.on("error", (error) => {
          errors.push(error.message);
          resolve();
        });
        req.end();
      });
    // four clients in parallel; the switch and the old instance's stop happen between their requests
    const phase = async (count: number): Promise<void> => {
      await Promise.all(Array.from({ length: 4 }, async () => {
        for (let i = 0; i < count; i += 1) await one();
      }));
    };
    const load = phase(15);
    await phase(3);
    expect((await post(proxy, "/routes", [{ url: newUrl, weight: 1, tag: "r2#0" }])).status).toBe(200);
    await phase(3);
    const stopping = started[0];
    stopping?.close();
    stopping?.closeIdleConnections();
    await load;
    expect(errors).toEqual([]);
    expect(answers).toHaveLength(4 * 21);
    expect(answers.at(-1)).toBe("new");
    expect(answers).toContain("old");
    // the client's kept-alive connections to the proxy survived: one per parallel client
    expect(connections).toBe(4);
  });

  it("writes an access log line per request (its path without the query) and rotates it by size, keeping the newest files", async () => {
    const ok = await upstream("ok");
    const proxy = await startProxy([{ url: ok.url, weight: 1, tag: "r1#0" }], { WARDEN_PROXY_ACCESS_LOG_MAX_BYTES: "1000", WARDEN_PROXY_ACCESS_LOG_KEEP: "2" }, (dir) => ["", "", path.join(dir, "access.log")]);
    for (let i = 0; i < 40; i += 1) expect((await get(`http://127.0.0.1:${proxy.info.port}/page/${i}?token=hunter2`)).status).toBe(200);
    // on SIGTERM the proxy writes the lines it holds, then exits
    proxy.child.kill("SIGTERM");
    await once(proxy.child, "exit");
    const log = path.join(proxy.dir, "access.log");
    const files = [`${log}.2`, `${log}.1`, log];
    for (const file of files) expect(statSync(file).size).toBeLessThanOrEqual(1000);
    expect(existsSync(`${log}.3`)).toBe(false);
    const text = files.map((file) => readFileSync(file, "utf8")).join("");
    expect(text).not.toContain("hunter2");
    const lines = text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    // the oldest lines went with the rotation; the kept ones are the newest, in order
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.length).toBeLessThan(40);
    expect(lines.map((l) => l.path)).toEqual(Array.from({ length: lines.length }, (_, k) => `/page/${40 - lines.length + k}?…`));
    expect(lines.at(-1)).toMatchObject({ client: "127.0.0.1", method: "GET", status: 200, upstream: "r1#0", bytes: 3 });
    expect(lines.at(-1)?.ms).toEqual(expect.any(Number));
  });

  it("refuses admin requests without the proxy's token, which only the info file (mode 0600) holds", async () => {
    const old = await upstream("old");
    const proxy = await startProxy([{ url: old.url, weight: 1, tag: "r1#0" }]);
    expect(proxy.info.token).toMatch(/^[0-9a-f]{48}$/);
    expect(statSync(path.join(proxy.dir, "info.json")).mode & 0o777).toBe(0o600);
    const refused = await post(proxy, "/routes", [], null);
    expect(refused.status).toBe(401);
    expect((await post(proxy, "/routes", [], "wrong")).status).toBe(401);
    expect(await served(proxy)).toBe("old");
    expect((await post(proxy, "/routes", [])).status).toBe(200);
    expect((await get(`http://127.0.0.1:${proxy.info.port}/`)).status).toBe(503);
    // its stats say how late its event loop ran (reset on request)
    expect((await post(proxy, "/stats/event-loop/reset", {})).json).toEqual({ reset: true });
    const stats = await new Promise<string>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: proxy.info.adminPort, path: "/stats", agent: false, headers: { authorization: `Bearer ${proxy.info.token ?? ""}` } }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString("utf8")));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      req.end();
    });
    expect(JSON.parse(stats)).toMatchObject({ routes: [], eventLoopDelay: { maxMs: expect.any(Number), p99Ms: expect.any(Number) } });
  });
});
