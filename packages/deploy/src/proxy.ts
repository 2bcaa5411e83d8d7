/**
 * The reverse proxy of the local and ssh targets: a long-lived Node process on 127.0.0.1 that
 * forwards each request to one of the live instances, chosen by weight. Warden changes the
 * routes through a small admin endpoint (also on 127.0.0.1); requests already in flight finish
 * on the instance they started on, so a switch drops nothing. A deploy switches provisionally,
 * with a lease: unless the deploy confirms in time, the proxy goes back to the previous routes by
 * itself (a dead man's switch for a killed deploy). See docs/adr/0002-local-target-proxy.md and
 * docs/adr/0004-provisional-switch-lease.md.
 *
 * The proxy is written as one self-contained function (node built-ins passed in) so it can be
 * shipped as a standalone script to any host with Node, without installing Warden there.
 */
import type * as CryptoModule from "node:crypto";
import type * as FsModule from "node:fs";
import type * as HttpModule from "node:http";
import type * as NetModule from "node:net";
import type * as PerfHooksModule from "node:perf_hooks";
import type { Duplex } from "node:stream";

/** One upstream of the proxy and its share of the traffic. */
export interface ProxyRoute {
  readonly url: string;
  readonly weight: number;
  readonly tag: string;
}

/** What the proxy writes to its info file (mode 0600) once listening. */
export interface ProxyInfo {
  readonly pid: number;
  readonly port: number;
  readonly adminPort: number;
  /** Bearer token every admin request but `GET /health` must carry (absent: a proxy from before tokens). */
  readonly token?: string;
  /** When this proxy process started (ISO-8601 UTC). */
  readonly startedAt?: string;
  /** How many times its supervisor restarted it after a crash. */
  readonly restarts?: number;
}

/** A restart of the proxy by its supervisor after a crash, as appended to `restarts.jsonl`. */
export interface ProxyRestart {
  readonly at: string;
  /** How the previous proxy process ended, e.g. `exited (SIGKILL)`. */
  readonly reason: string;
  /** Tags of the confirmed routes the restarted proxy serves. */
  readonly routes: string[];
  readonly restarts: number;
  /** Milliseconds from the supervisor noticing the exit to the restarted proxy listening (absent from older proxies). */
  readonly listeningMs?: number;
}

/** Limits of the proxy (environment variables of the proxy process; defaults in parentheses). */
export interface ProxyLimits {
  /** `WARDEN_PROXY_CONNECT_TIMEOUT_MS` (5000): connecting to an instance; another instance is tried after it. */
  readonly connectTimeoutMs: number;
  /** `WARDEN_PROXY_READ_TIMEOUT_MS` (60000): silence from an instance before its answer is given up (504). */
  readonly readTimeoutMs: number;
  /** `WARDEN_PROXY_MAX_BODY_BYTES` (10 MiB): larger request bodies are refused with 413. */
  readonly maxBodyBytes: number;
}

/** Requests and errors per upstream since the routes were last set. */
export interface ProxyStats {
  readonly routes: { url: string; tag: string; weight: number; requests: number; errors: number }[];
  /**
   * How late the proxy's event loop ran since it started or since `POST /stats/event-loop/reset`
   * (a proxy blocked or not scheduled by the OS answers late by that much): maximum and 99th
   * percentile in ms.
   */
  readonly eventLoopDelay?: { maxMs: number; p99Ms: number };
}

/** A provisional switch the proxy holds: it reverts to the confirmed routes when `expiresInMs` runs out. */
export interface ProxyPendingSwitch {
  readonly id: string;
  readonly leaseMs: number;
  readonly since: string;
  readonly expiresInMs: number;
  /** Tags of the provisional routes. */
  readonly to: string[];
  /** Tags of the confirmed routes it falls back to. */
  readonly from: string[];
}

/** A provisional switch the proxy reverted because it was not confirmed within its lease. */
export interface ProxyRevert {
  readonly id: string;
  /** When the proxy reverted (ISO-8601 UTC). */
  readonly at: string;
  /** When the provisional switch was made. */
  readonly since: string;
  readonly leaseMs: number;
  /** Tags of the unconfirmed routes that were dropped. */
  readonly from: string[];
  /** Tags of the confirmed routes that serve again. */
  readonly to: string[];
}

interface ProxyModules {
  readonly http: typeof HttpModule;
  readonly fs: typeof FsModule;
  readonly crypto: typeof CryptoModule;
  /** For the event loop's delay in `GET /stats` (absent: not measured). */
  readonly perfHooks?: Pick<typeof PerfHooksModule, "monitorEventLoopDelay">;
  /** For accepting on the extra copies of the supervisor's socket (`WARDEN_LISTEN_FDS`; absent: one). */
  readonly net?: Pick<typeof NetModule, "createServer">;
}

/**
 * The proxy process's main function. Arguments: listen port, routes file, info file, and
 * optionally a reverts file (one JSON line per lease that ran out), a restarts file, a
 * maintenance file and an access log (one JSON line per request, rotated by size:
 * `WARDEN_PROXY_ACCESS_LOG_MAX_BYTES`, 10 MiB, and `WARDEN_PROXY_ACCESS_LOG_KEEP`, 5 files).
 * Self-contained on purpose: it is serialised with `toString()` into a standalone script.
 *
 * Requests: X-Forwarded-For appended, X-Forwarded-Proto/Host set (kept when a front proxy set
 * them), Upgrade requests tunnelled, connect/read timeouts and a body limit (see {@link ProxyLimits}).
 *
 * Admin endpoints (127.0.0.1, port in the info file; every one but `GET /health` needs
 * `Authorization: Bearer <token>`, the token being in the info file, mode 0600):
 * - `POST /routes` `[routes]`: set the confirmed routes (cancels a provisional switch).
 * - `POST /switch` `{ routes, leaseMs }`: switch provisionally; answers `{ id, expiresInMs }`.
 *   Unless `POST /switch/confirm` `{ id }` arrives within the lease (renewed by
 *   `POST /switch/renew` `{ id }`), the proxy goes back to the confirmed routes by itself and
 *   appends the revert to the reverts file. Renewing or confirming an id the proxy no longer
 *   holds (reverted, replaced) answers 409.
 * - `GET /switch`: the pending provisional switch (or null), the last revert and the routes served now.
 * - `GET /stats`: requests and errors per route, and the event loop's delay (`POST
 *   /stats/event-loop/reset` starts its measure again).
 * - `POST /maintenance`: read the maintenance file again (Warden writes or removes it first); while
 *   it exists every request gets a 503 page with `Retry-After`. `GET /maintenance`: the mode.
 */
export function proxyMain(mods: ProxyModules, argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): void {
  const { http, fs, crypto } = mods;
  const listenPort = Number(argv[0] ?? "0");
  const routesFile = String(argv[1]);
  const infoFile = String(argv[2]);
  const revertsFile = argv[3] === undefined || argv[3] === "" ? undefined : String(argv[3]);
  const restartsFile = argv[4] === undefined || argv[4] === "" ? undefined : String(argv[4]);
  const maintenanceFile = argv[5] === undefined || argv[5] === "" ? undefined : String(argv[5]);
  const accessFile = argv[6] === undefined || argv[6] === "" ? undefined : String(argv[6]);
  const setting = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const connectTimeoutMs = setting("WARDEN_PROXY_CONNECT_TIMEOUT_MS", 5000);
  const readTimeoutMs = setting("WARDEN_PROXY_READ_TIMEOUT_MS", 60_000);
  const maxBodyBytes = setting("WARDEN_PROXY_MAX_BODY_BYTES", 10 * 1024 * 1024);
  const restarts = setting("WARDEN_RESTARTS", 0);
  const accessMaxBytes = setting("WARDEN_PROXY_ACCESS_LOG_MAX_BYTES", 10 * 1024 * 1024);
  const accessKeep = Math.floor(setting("WARDEN_PROXY_ACCESS_LOG_KEEP", 5));
  const token = crypto.randomBytes(24).toString("hex");
  type Spec = { url: string; weight: number; tag: string };
  type Route = Spec & { requests: number; errors: number };
  type Pending = { id: string; leaseMs: number; since: string; deadline: number; timer: ReturnType<typeof setTimeout>; to: Spec[] };
  let routes: Route[] = [];
  // the routes a provisional switch falls back to (the last set or confirmed ones)
  let confirmed: Spec[] = [];
  let pending: Pending | undefined;
  let lastRevert: Record<string, unknown> | null = null;
  let switches = 0;
  const specs = (value: unknown): Spec[] => {
    if (!Array.isArray(value)) throw new Error("routes: expected an array of { url, weight, tag }");
    return value.map((item: unknown) => {
      const r = (typeof item === "object" && item !== null ? item : {}) as { url?: unknown; weight?: unknown; tag?: unknown };
      if (typeof r.url !== "string" || typeof r.weight !== "number" || typeof r.tag !== "string") throw new Error("routes: each route needs url, weight and tag");
      return { url: r.url, weight: r.weight, tag: r.tag };
    });
  };
  const serve = (list: Spec[]): void => {
    routes = list.map((r) => ({ url: r.url, weight: r.weight, tag: r.tag, requests: 0, errors: 0 }));
  };
  const log = (message: string): void => {
    process.stdout.write(`[warden proxy ${new Date().toISOString()}] ${message}\n`);
  };
  const persist = (list: Spec[]): void => {
    const tmp = `${routesFile}.proxy.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(list)}\n`);
    fs.renameSync(tmp, routesFile);
  };
  const revert = (): void => {
    if (pending === undefined) return;
    const record = { id: pending.id, at: new Date().toISOString(), since: pending.since, leaseMs: pending.leaseMs, from: pending.to.map((r) => r.tag), to: confirmed.map((r) => r.tag) };
    pending = undefined;
    // in-flight requests finish on the upstream they started on, as with any switch
    serve(confirmed);
    lastRevert = record;
    log(`switch ${record.id} not confirmed within ${record.leaseMs} ms: back to ${record.to.join(", ") || "no routes"}`);
    if (revertsFile !== undefined) {
      try {
        fs.appendFileSync(revertsFile, `${JSON.stringify(record)}\n`);
      } catch (error) {
        log(`cannot record the revert in ${revertsFile}: ${String(error)}`);
      }
    }
  };
  const renew = (p: Pending): void => {
    clearTimeout(p.timer);
    p.deadline = Date.now() + p.leaseMs;
    p.timer = setTimeout(revert, p.leaseMs);
  };
  const describePending = (): Record<string, unknown> | null =>
    pending === undefined
      ? null
      : { id: pending.id, leaseMs: pending.leaseMs, since: pending.since, expiresInMs: Math.max(0, pending.deadline - Date.now()), to: pending.to.map((r) => r.tag), from: confirmed.map((r) => r.tag) };
  try {
    confirmed = specs(JSON.parse(fs.readFileSync(routesFile, "utf8")));
  } catch {
    confirmed = []; // no routes yet: answers 503 until Warden sets them
  }
  serve(confirmed);
  // maintenance mode: every request gets a 503 page with Retry-After (kept across restarts in its file)
  type Maintenance = { retryAfter: number; since: string };
  const readMaintenance = (): Maintenance | undefined => {
    if (maintenanceFile === undefined) return undefined;
    try {
      const m = JSON.parse(fs.readFileSync(maintenanceFile, "utf8")) as Partial<Maintenance>;
      return { retryAfter: Number(m.retryAfter) > 0 ? Math.round(Number(m.retryAfter)) : 60, since: String(m.since ?? new Date().toISOString()) };
    } catch {
      return undefined;
    }
  };
  let maintenance = readMaintenance();
  const maintenancePage = (): string =>
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Down for maintenance</title></head><body><h1>Down for maintenance</h1><p>Back soon: please retry in ${maintenance?.retryAfter ?? 60} seconds.</p></body></html>\n`;
  // the access log: one JSON line per request, written in batches (at most 200 ms late; the
  // last batch is lost with a SIGKILL), rotated by size: access.log → access.log.1 → … → .KEEP
  let accessFd: number | undefined;
  let accessSize = 0;
  let accessLines: string[] = [];
  let accessBytes = 0;
  let accessTimer: ReturnType<typeof setTimeout> | undefined;
  let accessBroken = false;
  const openAccess = (): void => {
    if (accessFile === undefined || accessBroken) return;
    try {
      accessFd = fs.openSync(accessFile, "a", 0o600);
      accessSize = fs.fstatSync(accessFd).size;
    } catch (error) {
      accessBroken = true;
      accessFd = undefined;
      log(`cannot write the access log ${accessFile}: ${String(error)}; requests are not logged`);
    }
  };
  const rotateAccess = (): void => {
    if (accessFile === undefined || accessFd === undefined) return;
    fs.closeSync(accessFd);
    accessFd = undefined;
    try {
      for (let n = accessKeep - 1; n >= 1; n -= 1) if (fs.existsSync(`${accessFile}.${n}`)) fs.renameSync(`${accessFile}.${n}`, `${accessFile}.${n + 1}`);
      fs.renameSync(accessFile, `${accessFile}.1`);
    } catch (error) {
      log(`cannot rotate the access log ${accessFile}: ${String(error)}`);
    }
    openAccess();
  };
  const flushAccess = (): void => {
    if (accessTimer !== undefined) clearTimeout(accessTimer);
    accessTimer = undefined;
    const lines = accessLines;
    accessLines = [];
    accessBytes = 0;
    if (accessFd === undefined) openAccess();
    let chunk = "";
    let chunkBytes = 0;
    const write = (): void => {
      if (accessFd === undefined || chunk === "") return;
      try {
        fs.writeSync(accessFd, chunk);
        accessSize += chunkBytes;
      } catch (error) {
        log(`cannot write the access log ${String(accessFile)}: ${String(error)}`);
      }
      chunk = "";
      chunkBytes = 0;
    };
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      // each file stays within the limit (a single longer line gets a file of its own)
      if (accessSize + chunkBytes + bytes > accessMaxBytes && accessSize + chunkBytes > 0) {
        write();
        rotateAccess();
      }
      chunk += line;
      chunkBytes += bytes;
    }
    write();
  };
  type Served = { tag: string; tries: number; bytes: number };
  const servedBy = new WeakMap<object, Served>();
  const access = (req: HttpModule.IncomingMessage, status: number, began: number, served: Served | undefined): void => {
    if (accessFile === undefined || accessBroken) return;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    // the path only: a query string may carry tokens
    const entry = {
      at: new Date(began).toISOString(),
      client: req.socket.remoteAddress ?? "",
      method: req.method ?? "",
      path: query === -1 ? url : `${url.slice(0, query)}?…`,
      status,
      ms: Date.now() - began,
      ...(served === undefined ? {} : { upstream: served.tag, bytes: served.bytes, ...(served.tries > 1 ? { tries: served.tries } : {}) }),
    };
    const line = `${JSON.stringify(entry)}\n`;
    accessLines.push(line);
    accessBytes += line.length;
    if (accessBytes >= 64 * 1024) flushAccess();
    else if (accessTimer === undefined) {
      accessTimer = setTimeout(flushAccess, 200);
      accessTimer.unref();
    }
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const loopDelay = mods.perfHooks?.monitorEventLoopDelay({ resolution: 10 });
  loopDelay?.enable();
  const pick = (tried: Set<Route>): Route | undefined => {
    const open = routes.filter((r) => r.weight > 0 && !tried.has(r));
    const total = open.reduce((sum, r) => sum + r.weight, 0);
    if (open.length === 0 || total <= 0) return undefined;
    let at = Math.random() * total;
    for (const route of open) {
      at -= route.weight;
      if (at < 0) return route;
    }
    return open[open.length - 1];
  };
  /** Headers sent upstream: the client's, with X-Forwarded-For appended and X-Forwarded-Proto/Host set. */
  const upstreamHeaders = (req: HttpModule.IncomingMessage, target: URL): HttpModule.OutgoingHttpHeaders => {
    const prior = req.headers["x-forwarded-for"];
    const client = req.socket.remoteAddress ?? "";
    return {
      ...req.headers,
      host: target.host,
      "x-forwarded-for": prior === undefined || prior === "" ? client : `${Array.isArray(prior) ? prior.join(", ") : prior}, ${client}`,
      // a front proxy on this host (TLS termination) has set them already; otherwise this hop is plain HTTP
      "x-forwarded-proto": req.headers["x-forwarded-proto"] ?? "http",
      "x-forwarded-host": req.headers["x-forwarded-host"] ?? req.headers.host ?? "",
    };
  };
  /**
   * Connect-timeout bookkeeping of one upstream request: `connected()` once its socket is
   * connected (a reused keep-alive socket is at once); a connect timeout destroys the request.
   */
  const watchConnect = (upstream: HttpModule.ClientRequest, onConnected: () => void): { connected: () => boolean; clear: () => void } => {
    let done = false;
    const timer = setTimeout(() => {
      if (!done) upstream.destroy(new Error(`connect timed out after ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    const mark = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      onConnected();
    };
    upstream.on("socket", (socket) => {
      if ((socket as { connecting?: boolean }).connecting === true) socket.once("connect", mark);
      else mark();
    });
    return { connected: () => done, clear: () => clearTimeout(timer) };
  };
  // methods a request of which may be sent twice (RFC 9110 9.2.2): retried after a connection that failed mid-request
  const idempotent = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);
  // hop-by-hop headers (RFC 9110 7.6.1) are this hop's own: never passed on
  const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);
  const endToEnd = (headers: HttpModule.IncomingHttpHeaders): HttpModule.OutgoingHttpHeaders => {
    const listed = String(headers.connection ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase());
    const kept: HttpModule.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined && !hopByHop.has(name) && !listed.includes(name)) kept[name] = value;
    return kept;
  };
  /**
   * Forward one request to an instance. A connection refused or not connected in time: another
   * instance is tried (the request never reached one). A kept-alive connection the instance had
   * closed (it fails before any answer): the request goes again on a new connection, when its
   * method is idempotent; other failures before an answer: another instance, idempotent
   * methods only; otherwise 502 (the instance may have acted on it).
   */
  const forward = (req: HttpModule.IncomingMessage, res: HttpModule.ServerResponse, body: Buffer, tried: Set<Route>, sameRoute?: Route, stale = 0): void => {
    const route = sameRoute ?? pick(tried);
    if (route === undefined) {
      res.writeHead(tried.size === 0 ? 503 : 502, { "content-type": "text/plain" });
      res.end(tried.size === 0 ? "no upstream\n" : "upstream unavailable\n");
      return;
    }
    tried.add(route);
    route.requests += 1;
    const served = servedBy.get(res) ?? { tag: route.tag, tries: 0, bytes: 0 };
    served.tag = route.tag;
    served.tries += 1;
    servedBy.set(res, served);
    const target = new URL(req.url ?? "/", route.url);
    let readTimer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const arm = (): void => {
      if (readTimer !== undefined) clearTimeout(readTimer);
      readTimer = setTimeout(() => {
        timedOut = true;
        upstream.destroy(new Error(`no answer within ${readTimeoutMs} ms`));
      }, readTimeoutMs);
    };
    const disarm = (): void => {
      if (readTimer !== undefined) clearTimeout(readTimer);
      readTimer = undefined;
    };
    const upstream = http.request(target, { method: req.method, headers: endToEnd(upstreamHeaders(req, target) as HttpModule.IncomingHttpHeaders), agent }, (answer) => {
      arm();
      if ((answer.statusCode ?? 502) >= 500) route.errors += 1;
      // the instance's own connection handling (e.g. `connection: close` while it stops) is not the client's
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.on("data", (chunk: Buffer) => {
        served.bytes += chunk.length;
        arm();
      });
      answer.on("end", disarm);
      answer.on("close", disarm);
      answer.pipe(res);
    });
    const connect = watchConnect(upstream, arm);
    res.on("close", () => {
      disarm();
      connect.clear();
    });
    upstream.on("error", () => {
      disarm();
      connect.clear();
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (timedOut) {
        // the instance took the request and went silent: it may be working on it, so no retry elsewhere
        route.errors += 1;
        res.writeHead(504, { "content-type": "text/plain" });
        res.end("upstream timed out\n");
        return;
      }
      route.requests -= 1;
      const again = idempotent.has(req.method ?? "GET");
      if (connect.connected() && upstream.reusedSocket && again && stale < 3) {
        forward(req, res, body, tried, route, stale + 1); // a kept-alive connection the instance had closed: again, on a new one
        return;
      }
      if (connect.connected() && !again) {
        route.errors += 1;
        res.writeHead(502, { "content-type": "text/plain" });
        res.end("upstream closed the connection before answering\n");
        return;
      }
      forward(req, res, body, tried); // refused, reset or not connected in time, before an answer: try another instance
    });
    upstream.end(body);
  };
  /** Upgrade requests (WebSocket and others): passed through to one instance, then bytes both ways. */
  const forwardUpgrade = (req: HttpModule.IncomingMessage, socket: Duplex, head: Buffer, tried: Set<Route>): void => {
    const route = pick(tried);
    if (route === undefined) {
      socket.end(`HTTP/1.1 ${tried.size === 0 ? "503 Service Unavailable" : "502 Bad Gateway"}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    tried.add(route);
    route.requests += 1;
    const target = new URL(req.url ?? "/", route.url);
    // a fresh connection (no agent): it becomes the tunnel
    const upstream = http.request(target, { method: req.method, headers: upstreamHeaders(req, target), agent: false });
    const connect = watchConnect(upstream, () => undefined);
    const raw = (status: number, message: string, headers: HttpModule.IncomingHttpHeaders): string => {
      const lines = [`HTTP/1.1 ${status} ${message}`];
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
      }
      return `${lines.join("\r\n")}\r\n\r\n`;
    };
    upstream.on("upgrade", (answer, tunnel, upstreamHead) => {
      connect.clear();
      socket.write(raw(answer.statusCode ?? 101, answer.statusMessage ?? "Switching Protocols", answer.headers));
      if (upstreamHead.length > 0) socket.write(upstreamHead);
      if (head.length > 0) tunnel.write(head);
      tunnel.on("error", () => socket.destroy());
      socket.on("error", () => tunnel.destroy());
      tunnel.pipe(socket);
      socket.pipe(tunnel);
    });
    upstream.on("response", (answer) => {
      // the instance declined the upgrade: pass its answer on, then close
      connect.clear();
      if ((answer.statusCode ?? 502) >= 500) route.errors += 1;
      socket.write(raw(answer.statusCode ?? 502, answer.statusMessage ?? "", { ...answer.headers, connection: "close" }));
      answer.pipe(socket);
    });
    upstream.on("error", () => {
      connect.clear();
      route.requests -= 1;
      if (socket.destroyed) return;
      forwardUpgrade(req, socket, head, tried);
    });
    socket.on("error", () => upstream.destroy());
    upstream.end();
  };
  const server = http.createServer((req, res) => {
    const began = Date.now();
    res.on("finish", () => access(req, res.statusCode, began, servedBy.get(res)));
    // a client gone before its answer: logged with status 499 (as nginx does)
    res.on("close", () => {
      if (!res.writableFinished) access(req, 499, began, servedBy.get(res));
    });
    if (maintenance !== undefined) {
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": String(maintenance.retryAfter), "cache-control": "no-store" });
      res.end(maintenancePage());
      req.resume();
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    const tooLarge = (): void => {
      res.writeHead(413, { "content-type": "text/plain", connection: "close" });
      res.end(`request body larger than ${maxBodyBytes} bytes\n`);
      req.resume();
    };
    if (declared > maxBodyBytes) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!refused) forward(req, res, Buffer.concat(chunks), new Set());
    });
  });
  server.on("upgrade", (req: HttpModule.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (maintenance !== undefined) {
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nretry-after: ${maintenance.retryAfter}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    forwardUpgrade(req, socket, head, new Set());
  });
  const reply = (res: HttpModule.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { "content-type": status === 200 ? "application/json" : "text/plain" });
    res.end(status === 200 ? JSON.stringify(body) : `${String(body)}\n`);
  };
  const admin = http.createServer((req, res) => {
    if (!(req.method === "GET" && req.url === "/health") && req.headers.authorization !== `Bearer ${token}`) {
      // the token is in the info file, readable by the deploying user only
      res.writeHead(401, { "content-type": "text/plain" });
      res.end("admin requests need the proxy's token (info.json)\n");
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const held = (id: unknown): Pending | undefined => (pending !== undefined && pending.id === id ? pending : undefined);
      try {
        if (req.method === "POST" && req.url === "/routes") {
          const list = specs(JSON.parse(text));
          if (pending !== undefined) clearTimeout(pending.timer);
          pending = undefined;
          confirmed = list;
          serve(list);
          reply(res, 200, { routes: routes.length });
          return;
        }
        if (req.method === "POST" && req.url === "/maintenance") {
          // Warden has written (or removed) the maintenance file first: read it again
          maintenance = readMaintenance();
          log(maintenance === undefined ? "maintenance mode off" : `maintenance mode on (Retry-After: ${maintenance.retryAfter})`);
          reply(res, 200, { maintenance: maintenance ?? null });
          return;
        }
        if (req.method === "GET" && req.url === "/maintenance") {
          reply(res, 200, { maintenance: maintenance ?? null });
          return;
        }
        if (req.method === "POST" && req.url === "/switch") {
          const body = JSON.parse(text) as { routes: unknown; leaseMs: unknown };
          const leaseMs = Number(body.leaseMs);
          if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new Error("switch: leaseMs must be a positive number");
          const list = specs(body.routes);
          if (pending !== undefined) clearTimeout(pending.timer); // a second provisional switch keeps the same fallback
          switches += 1;
          const next: Pending = { id: `${process.pid}-${Date.now()}-${switches}`, leaseMs, since: new Date().toISOString(), deadline: Date.now() + leaseMs, timer: setTimeout(revert, leaseMs), to: list };
          pending = next;
          serve(list);
          reply(res, 200, { id: next.id, expiresInMs: leaseMs, routes: routes.length });
          return;
        }
        if (req.method === "POST" && (req.url === "/switch/renew" || req.url === "/switch/confirm")) {
          const body = JSON.parse(text) as { id: unknown };
          const p = held(body.id);
          if (p === undefined) {
            reply(res, 409, `no provisional switch ${String(body.id)}: it was reverted or replaced`);
            return;
          }
          if (req.url === "/switch/renew") {
            renew(p);
            reply(res, 200, { id: p.id, expiresInMs: p.leaseMs });
            return;
          }
          clearTimeout(p.timer);
          pending = undefined;
          confirmed = p.to;
          persist(confirmed); // a restarted proxy starts with the confirmed routes
          reply(res, 200, { id: p.id, confirmed: true });
          return;
        }
        if (req.method === "GET" && req.url === "/switch") {
          reply(res, 200, { pending: describePending(), lastRevert, routes: routes.map((r) => ({ url: r.url, weight: r.weight, tag: r.tag })) });
          return;
        }
      } catch (error) {
        reply(res, 400, String(error));
        return;
      }
      if (req.method === "GET" && req.url === "/stats") {
        const delay = loopDelay === undefined ? {} : { eventLoopDelay: { maxMs: Math.round(loopDelay.max / 1e6), p99Ms: Math.round(loopDelay.percentile(99) / 1e6) } };
        reply(res, 200, { routes: routes.map((r) => ({ url: r.url, tag: r.tag, weight: r.weight, requests: r.requests, errors: r.errors })), ...delay });
        return;
      }
      if (req.method === "POST" && req.url === "/stats/event-loop/reset") {
        loopDelay?.reset();
        reply(res, 200, { reset: loopDelay !== undefined });
        return;
      }
      res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "text/plain" });
      res.end("warden proxy\n");
    });
  });
  // a socket bound by the supervisor (fd 3) outlives this process: connections queue while it restarts
  const listenFd = Number(env.WARDEN_LISTEN_FD);
  // after a restart: how long after its supervisor noticed the previous proxy's exit this one serves
  const noticedAt = Number(env.WARDEN_RESTART_NOTICED_AT);
  const sinceExit = (): number | undefined => (restarts > 0 && Number.isFinite(noticedAt) && noticedAt > 0 ? Date.now() - noticedAt : undefined);
  if (sinceExit() !== undefined) {
    server.once("connection", () => log(`first connection accepted ${String(sinceExit())} ms after the supervisor noticed the exit`));
  }
  const onListening = (): void => {
    const listeningMs = sinceExit();
    admin.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      const adminPort = (admin.address() as { port: number }).port;
      const startedAt = new Date().toISOString();
      fs.writeFileSync(`${infoFile}.tmp`, JSON.stringify({ pid: process.pid, port, adminPort, token, startedAt, restarts }), { mode: 0o600 });
      fs.chmodSync(`${infoFile}.tmp`, 0o600);
      fs.renameSync(`${infoFile}.tmp`, infoFile);
      if (restarts > 0) {
        const record = { at: startedAt, reason: env.WARDEN_RESTART_REASON ?? "crashed", routes: confirmed.map((r) => r.tag), restarts, ...(listeningMs === undefined ? {} : { listeningMs }) };
        log(
          `restarted by its supervisor after it ${record.reason}; serving the confirmed routes ${record.routes.join(", ") || "(none)"}${listeningMs === undefined ? "" : `; listening ${listeningMs} ms after the supervisor noticed the exit`}`,
        );
        if (restartsFile !== undefined) {
          try {
            fs.appendFileSync(restartsFile, `${JSON.stringify(record)}\n`);
          } catch (error) {
            log(`cannot record the restart in ${restartsFile}: ${String(error)}`);
          }
        }
      }
    });
  };
  // the same socket as further descriptors: Node (libuv >= 1.45) accepts one connection per
  // listening handle per event-loop turn, so each extra handle accepts one more per turn (a burst
  // of new connections no longer waits in the kernel's accept queue while a busy proxy turns)
  const extraListeners: NetModule.Server[] = [];
  if (Number.isInteger(listenFd) && listenFd > 2) {
    server.listen({ fd: listenFd, backlog: 1024 }, onListening);
    const copies = Math.min(64, Math.floor(setting("WARDEN_LISTEN_FDS", 1)));
    for (let fd = listenFd + 1; mods.net !== undefined && fd < listenFd + copies; fd += 1) {
      const extra = mods.net.createServer((socket) => server.emit("connection", socket));
      extra.on("error", (error) => log(`cannot accept on descriptor ${fd}: ${String(error)}`));
      extra.listen({ fd, backlog: 1024 });
      extraListeners.push(extra);
    }
  } else server.listen(listenPort, "127.0.0.1", onListening);
  const stop = (): void => {
    if (pending !== undefined) clearTimeout(pending.timer);
    flushAccess();
    for (const extra of extraListeners) extra.close();
    server.close();
    admin.close();
    agent.destroy();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("exit", flushAccess);
}

/**
 * A standby's warm-up: `requests` requests, each on a new connection, through a throwaway
 * forwarding server in this process (both on ephemeral 127.0.0.1 ports, closed afterwards), so
 * that Node's HTTP server and client code is compiled before the standby takes over. Without it,
 * a promoted standby accepted the connections queued during the restart one by one, up to 1.4 s
 * after the kill on a loaded machine, while a warm proxy handled each in under 0.4 s.
 * Self-contained: it is serialised into the proxy script like {@link proxyMain}.
 */
export async function proxyWarmUp(mods: Pick<ProxyModules, "http">, requests: number): Promise<void> {
  const { http } = mods;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const upstream = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok\n");
  });
  const port = (server: HttpModule.Server): number => (server.address() as { port: number }).port;
  const front = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const out = http.request({ host: "127.0.0.1", port: port(upstream), path: req.url, method: req.method, headers: { ...req.headers }, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers });
        answer.pipe(res);
      });
      out.on("error", () => res.destroy());
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: port(front), path: "/warm-up?x=1", agent: false, headers: { "x-forwarded-for": "127.0.0.1" } }, (res) => {
        res.resume();
        res.on("end", resolve);
        res.on("error", resolve);
      });
      req.on("error", () => resolve());
      req.end();
    });
  for (let sent = 0; sent < requests; sent += 8) await Promise.all(Array.from({ length: Math.min(8, requests - sent) }, one));
  agent.destroy();
  front.close();
  upstream.close();
}

/** The proxy as a standalone ES module script (`node proxy.mjs PORT ROUTES_FILE INFO_FILE [REVERTS_FILE [RESTARTS_FILE [MAINTENANCE_FILE [ACCESS_LOG]]]]`). */
export function proxyScript(): string {
  return [
    "// Warden's reverse proxy (generated from @warden/deploy; see docs/adr/0002-local-target-proxy.md).",
    'import * as http from "node:http";',
    'import * as fs from "node:fs";',
    'import * as crypto from "node:crypto";',
    'import * as perfHooks from "node:perf_hooks";',
    'import * as net from "node:net";',
    `const proxyMain = ${proxyMain.toString()};`,
    `const proxyWarmUp = ${proxyWarmUp.toString()};`,
    "if (process.env.WARDEN_STANDBY === \"1\" && typeof process.send === \"function\") {",
    "  // a warm standby: loaded, idle until its supervisor activates it (the running proxy died)",
    "  process.on(\"disconnect\", () => process.exit(0));",
    "  process.on(\"message\", (m) => {",
    "    if (m === null || typeof m !== \"object\" || m.warden !== \"activate\") return;",
    "    process.removeAllListeners(\"disconnect\");",
    "    process.disconnect();",
    "    proxyMain({ http, fs, crypto, perfHooks, net }, process.argv.slice(2), { ...process.env, WARDEN_STANDBY: undefined, WARDEN_RESTARTS: String(m.restarts), WARDEN_RESTART_REASON: String(m.reason), WARDEN_RESTART_NOTICED_AT: String(m.noticedAt ?? \"\") });",
    "  });",
    "  // ready once warm (its HTTP code compiled), or after 3 s whatever happens",
    "  let told = false;",
    "  const ready = () => { if (!told && process.connected) { told = true; process.send({ warden: \"ready\" }); } };",
    "  setTimeout(ready, 3000).unref();",
    "  proxyWarmUp({ http }, 100).then(ready, ready);",
    "} else proxyMain({ http, fs, crypto, perfHooks, net }, process.argv.slice(2), process.env);",
    "",
  ].join("\n");
}
