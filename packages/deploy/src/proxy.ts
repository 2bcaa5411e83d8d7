/**
 * The reverse proxy of the local and ssh targets: a long-lived Node process on 127.0.0.1 that
 * forwards each request to one of the live instances, chosen by weight. Warden changes the
 * routes through a small admin endpoint (also on 127.0.0.1); requests already in flight finish
 * on the instance they started on, so a switch drops nothing. See docs/adr/0002-local-target-proxy.md.
 *
 * The proxy is written as one self-contained function (node built-ins passed in) so it can be
 * shipped as a standalone script to any host with Node, without installing Warden there.
 */
import type * as FsModule from "node:fs";
import type * as HttpModule from "node:http";

/** One upstream of the proxy and its share of the traffic. */
export interface ProxyRoute {
  readonly url: string;
  readonly weight: number;
  readonly tag: string;
}

/** What the proxy writes to its info file once listening. */
export interface ProxyInfo {
  readonly pid: number;
  readonly port: number;
  readonly adminPort: number;
}

/** Requests and errors per upstream since the routes were last set. */
export interface ProxyStats {
  readonly routes: { url: string; tag: string; weight: number; requests: number; errors: number }[];
}

interface ProxyModules {
  readonly http: typeof HttpModule;
  readonly fs: typeof FsModule;
}

/**
 * The proxy process's main function. Arguments: listen port, routes file, info file.
 * Self-contained on purpose: it is serialised with `toString()` into a standalone script.
 */
export function proxyMain(mods: ProxyModules, argv: readonly string[]): void {
  const { http, fs } = mods;
  const listenPort = Number(argv[0] ?? "0");
  const routesFile = String(argv[1]);
  const infoFile = String(argv[2]);
  type Route = { url: string; weight: number; tag: string; requests: number; errors: number };
  let routes: Route[] = [];
  const load = (text: string): void => {
    const parsed = JSON.parse(text) as { url: string; weight: number; tag: string }[];
    routes = parsed.map((r) => ({ url: r.url, weight: r.weight, tag: r.tag, requests: 0, errors: 0 }));
  };
  try {
    load(fs.readFileSync(routesFile, "utf8"));
  } catch {
    routes = []; // no routes yet: answers 503 until Warden sets them
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
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
  const forward = (req: HttpModule.IncomingMessage, res: HttpModule.ServerResponse, body: Buffer, tried: Set<Route>): void => {
    const route = pick(tried);
    if (route === undefined) {
      res.writeHead(tried.size === 0 ? 503 : 502, { "content-type": "text/plain" });
      res.end(tried.size === 0 ? "no upstream\n" : "upstream unavailable\n");
      return;
    }
    tried.add(route);
    route.requests += 1;
    const target = new URL(req.url ?? "/", route.url);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host, "x-forwarded-for": req.socket.remoteAddress ?? "" }, agent },
      (answer) => {
        if ((answer.statusCode ?? 502) >= 500) route.errors += 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      route.requests -= 1;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      forward(req, res, body, tried); // connection refused or reset before an answer: try another instance
    });
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  const admin = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/routes") {
        try {
          load(Buffer.concat(chunks).toString("utf8"));
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ routes: routes.length }));
        } catch (error) {
          res.writeHead(400, { "content-type": "text/plain" });
          res.end(String(error));
        }
        return;
      }
      if (req.method === "GET" && req.url === "/stats") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ routes: routes.map((r) => ({ url: r.url, tag: r.tag, weight: r.weight, requests: r.requests, errors: r.errors })) }));
        return;
      }
      res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "text/plain" });
      res.end("warden proxy\n");
    });
  });
  server.listen(listenPort, "127.0.0.1", () => {
    admin.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      const adminPort = (admin.address() as { port: number }).port;
      fs.writeFileSync(`${infoFile}.tmp`, JSON.stringify({ pid: process.pid, port, adminPort }));
      fs.renameSync(`${infoFile}.tmp`, infoFile);
    });
  });
  const stop = (): void => {
    server.close();
    admin.close();
    agent.destroy();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** The proxy as a standalone ES module script (`node proxy.mjs PORT ROUTES_FILE INFO_FILE`). */
export function proxyScript(): string {
  return [
    "// Warden's reverse proxy (generated from @warden/deploy; see docs/adr/0002-local-target-proxy.md).",
    'import * as http from "node:http";',
    'import * as fs from "node:fs";',
    `const proxyMain = ${proxyMain.toString()};`,
    "proxyMain({ http, fs }, process.argv.slice(2));",
    "",
  ].join("\n");
}
