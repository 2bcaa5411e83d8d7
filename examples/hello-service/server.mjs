// hello-service: the example service `./deploy.sh` deploys to the local target by default.
// usage: node server.mjs [--port N] [--version V]   (or PORT / APP_VERSION in the environment)
// GET /healthz answers 200 "ok"; every other path answers JSON with the version and release.
// On SIGTERM it stops accepting connections, finishes the requests in flight and exits.
import { createServer } from "node:http";

function arg(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node server.mjs [--port N] [--version V]  (env: PORT, APP_VERSION)\n");
  process.exit(0);
}

const port = Number(arg("port") ?? process.env.PORT ?? 8080);
const version = arg("version") ?? process.env.APP_VERSION ?? "1.0.0";
const release = process.env.WARDEN_RELEASE ?? "dev";

const server = createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok\n");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(`${JSON.stringify({ service: "hello-service", version, release })}\n`);
});

server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`hello-service ${version} (${release}) listening on 127.0.0.1:${port}\n`);
});

process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
});
