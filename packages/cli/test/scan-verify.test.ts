import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepo } from "@warden/test-utils";
import { githubToken } from "@warden/test-utils";

// `warden scan --verify` end to end: the CLI asks a stand-in for GitHub's API on 127.0.0.1 (a
// separate process, since the CLI runs synchronously here) and says which token is live.

const live = githubToken();
const revoked = githubToken();
let server: ChildProcess;
let base = "";
const STAND_IN = `
const http = require("node:http");
const live = process.argv[1];
let requests = 0;
const server = http.createServer((req, res) => {
  requests += 1;
  if (req.url === "/requests") return res.end(String(requests - 1));
  const token = (req.headers.authorization || "").replace(/^Bearer /, "");
  if (req.url !== "/user") { res.writeHead(404); return res.end(); }
  res.writeHead(token === live ? 200 : 401, { "content-type": "application/json" });
  res.end(token === live ? '{"login":"octocat"}' : '{"message":"Bad credentials"}');
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

beforeAll(async () => {
  server = spawn(process.execPath, ["-e", STAND_IN, live], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(server.stdout!, "data")) as [Buffer];
  base = `http://127.0.0.1:${chunk.toString().trim()}`;
});
afterAll(() => {
  server.kill();
});

describe("warden scan --verify", () => {
  it("marks the live token live and the revoked one revoked (a warning), without printing either", async () => {
    const r = gitRepo({ "deploy/ci.sh": `export GH_TOKEN=${live}\nexport OLD_TOKEN=${revoked}\n` });
    try {
      const env = { ...process.env, WARDEN_VERIFY_BASE_URL_GITHUB: base };
      const result = r.warden(["scan", "--verify", "--format", "json"], { env });
      const report = JSON.parse(result.stdout) as { findings: { line: number; severity: string; message: string }[] };
      const byLine = new Map(report.findings.map((f) => [f.line, f]));
      expect(byLine.get(1)?.message).toContain("verified: live (github");
      expect(byLine.get(1)?.severity).toBe("error");
      expect(byLine.get(2)?.message).toContain("verified: revoked (github");
      expect(byLine.get(2)?.severity).toBe("warn");
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toContain(live);
      expect(result.stdout + result.stderr).not.toContain(revoked);
      // Without --verify nothing is asked (the hooks never pass it).
      const asked = Number(await (await fetch(`${base}/requests`)).text());
      r.warden(["scan", "--format", "json"], { env });
      expect(Number(await (await fetch(`${base}/requests`)).text())).toBe(asked + 1);
    } finally {
      r.cleanup();
    }
  });
});
