import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gitRepo, REPO_ROOT, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWardenError } from "@warden/core";
import { matchAdvisories } from "../src/audit/advisories.js";
import { auditCommand } from "../src/commands/audit.js";
import type { Io } from "../src/io.js";
import { bunPackages, npmPackages, pnpmPackages, yarnPackages } from "../src/audit/lockfile.js";

// `warden audit` end to end: the CLI (a real process) reads a lockfile and asks a stand-in for the
// npm registry's bulk advisory endpoint on 127.0.0.1 (a separate process: the CLI runs
// synchronously here). The stand-in checks each request against the endpoint's contract — POST,
// JSON, a map of package name to an array of exact versions — and answers with its own advisories
// for the names asked, as the registry does.

const ADVISORIES = {
  lodash: [
    { id: 1106913, url: "https://github.com/advisories/GHSA-35jh-r3h4-6jhm", title: "Command Injection in lodash", severity: "high", vulnerable_versions: "<4.17.21", cwe: ["CWE-77"] },
    { id: 1106914, url: "https://github.com/advisories/GHSA-29mw-wpgm-hmr9", title: "ReDoS in lodash", severity: "moderate", vulnerable_versions: ">=4.0.0 <4.17.21", cwe: ["CWE-400"] },
  ],
  minimist: [{ id: 1097677, url: "https://github.com/advisories/GHSA-xvch-5gv4-984h", title: "Prototype Pollution in minimist", severity: "critical", vulnerable_versions: "<0.2.4 || >=1.0.0 <1.2.6", cwe: ["CWE-1321"] }],
  "@scope/pkg": [{ id: 99, url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", title: "Fixed long ago", severity: "critical", vulnerable_versions: "<1.0.0", cwe: [] }],
};

const STAND_IN = `
const http = require("node:http");
const db = JSON.parse(process.argv[1]);
let last = null, requests = 0, violations = [], auth = null;
const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/_last") { res.setHeader("content-type", "application/json"); return res.end(JSON.stringify({ last, requests, violations, auth })); }
  if (req.url.startsWith("/hang/")) return; // never answers
  const endpoint = "/-/npm/v1/security/advisories/bulk";
  const prefix = req.url.slice(0, req.url.length - endpoint.length);
  if (!req.url.endsWith(endpoint) || !["/ok", "/down", "/garbage"].includes(prefix)) { res.writeHead(404); return res.end(); }
  if (req.method !== "POST") { res.writeHead(405); return res.end(); }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    requests += 1;
    auth = req.headers.authorization || null;
    if (prefix === "/down") { res.writeHead(503); return res.end("maintenance"); }
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString("utf8")); } catch { violations.push("body is not JSON"); res.writeHead(400); return res.end(); }
    if (!String(req.headers["content-type"]).startsWith("application/json")) violations.push("content-type");
    if (typeof body !== "object" || body === null || Array.isArray(body)) violations.push("body is not a map");
    for (const [name, versions] of Object.entries(body)) {
      if (!Array.isArray(versions) || versions.some((v) => typeof v !== "string" || !/^\\d+\\.\\d+\\.\\d+/.test(v))) violations.push("versions of " + name);
    }
    last = body;
    const answer = {};
    for (const name of Object.keys(body)) if (db[name]) answer[name] = db[name];
    res.setHeader("content-type", "application/json");
    res.end(prefix === "/garbage" ? "<html>" : JSON.stringify(answer));
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

let server: ChildProcess;
let base = "";
let repo: TempRepo;

const PNPM_LOCK = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .:
    dependencies:
      lodash:
        specifier: ^4.17.0
        version: 4.17.20

  packages/app:
    dependencies:
      '@scope/pkg':
        specifier: ^2.0.0
        version: 2.1.0
      minimist:
        specifier: 1.2.5
        version: 1.2.5
      shared:
        specifier: workspace:*
        version: link:../shared

packages:

  '@scope/pkg@2.1.0':
    resolution: {integrity: sha512-AAAA}

  lodash@4.17.20:
    resolution: {integrity: sha512-BBBB}

  minimist@1.2.5:
    resolution: {integrity: sha512-CCCC}

  tarball@https://codeload.example.test/acme/tarball/tar.gz/abc:
    resolution: {tarball: https://codeload.example.test/acme/tarball/tar.gz/abc}
    version: 1.0.0

snapshots:

  '@scope/pkg@2.1.0(react@18.2.0)': {}

  lodash@4.17.20: {}
`;

interface Seen {
  last: Record<string, string[]> | null;
  requests: number;
  violations: string[];
  auth: string | null;
}

async function standIn(): Promise<Seen> {
  return (await (await fetch(`${base}/_last`)).json()) as Seen;
}

function silentIo(cwd: string): Io {
  return { cwd, stdout: { write: () => true }, stderr: { write: () => true }, readStdin: () => Promise.resolve("") };
}

function config(audit: Record<string, unknown>): string {
  return JSON.stringify({ audit: { registry: `${base}/ok`, ...audit } });
}

beforeAll(async () => {
  server = spawn(process.execPath, ["-e", STAND_IN, JSON.stringify(ADVISORIES)], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(server.stdout!, "data")) as [Buffer];
  base = `http://127.0.0.1:${chunk.toString().trim()}`;
  repo = gitRepo({ "package.json": JSON.stringify({ name: "root", private: true, packageManager: "pnpm@10.0.0" }), "pnpm-lock.yaml": PNPM_LOCK, "warden.config.json": config({}) });
});
afterAll(() => {
  server.kill();
  repo.cleanup();
});

describe("warden audit", () => {
  it("asks for exactly the locked registry packages and fails on advisories at or above the threshold", async () => {
    const result = repo.warden(["audit"]);
    expect(result.code, result.stderr).toBe(1);
    const asked = await standIn();
    expect(asked.violations).toEqual([]);
    // workspace links and tarballs are not asked about; each name with its exact versions
    expect(asked.last).toEqual({ "@scope/pkg": ["2.1.0"], lodash: ["4.17.20"], minimist: ["1.2.5"] });
    expect(result.stdout).toContain("critical minimist@1.2.5  Prototype Pollution in minimist  GHSA-xvch-5gv4-984h");
    expect(result.stdout).toContain("high     lodash@4.17.20  Command Injection in lodash");
    // the @scope/pkg advisory covers <1.0.0 only: 2.1.0 is not affected
    expect(result.stdout).not.toContain("Fixed long ago");
    expect(result.stdout).toMatch(/✖ 2 advisories at or above high \(1 critical, 1 high\) in 2 packages; 1 below high not counted \(1 moderate\)\n$/);
    expect(result.stderr).toContain("about 3 packages (3 versions) from pnpm-lock.yaml");
  });

  it("passes at a higher threshold, and honours ignores until their day, then counts again", () => {
    repo.write({
      "warden.config.json": config({
        severity: "critical",
        ignore: [
          { advisory: "GHSA-xvch-5gv4-984h", reason: "minimist only parses our own fixed argv", until: "2999-12-31" },
          { advisory: 424242, reason: "an old exception" },
        ],
      }),
    });
    const ignored = repo.warden(["audit"]);
    expect(ignored.code, ignored.stdout + ignored.stderr).toBe(0);
    expect(ignored.stdout).toContain("ignored: minimist only parses our own fixed argv (until 2999-12-31)");
    expect(ignored.stdout).toMatch(/✔ no advisories at or above critical in 3 packages; 2 below critical not counted \(1 high, 1 moderate\); 1 ignored by audit.ignore/);
    expect(ignored.stderr).toContain("audit.ignore entry 424242 matches no advisory of the locked packages: remove it");
    repo.write({ "warden.config.json": config({ severity: "critical", ignore: [{ advisory: "GHSA-xvch-5gv4-984h", reason: "was fine last year", until: "2001-01-01" }] }) });
    const expired = repo.warden(["audit", "--format", "json"]);
    expect(expired.code).toBe(1);
    const report = JSON.parse(expired.stdout) as { advisories: { ghsa: string; counted: boolean; expired?: { until: string } }[] };
    expect(report.advisories.find((a) => a.ghsa === "GHSA-xvch-5gv4-984h")).toMatchObject({ counted: true, expired: { until: "2001-01-01" } });
    repo.write({ "warden.config.json": config({}) });
  });

  it("is one clear line and exit 2 for an endpoint that fails, hangs, answers garbage or is not there, never printing the registry's credentials", async () => {
    // one real process for the exit code, the one line and every byte of output ...
    repo.write({ "warden.config.json": JSON.stringify({ audit: { registry: `${base.replace("http://", "http://deploy:s3cretRegistryPass@")}/garbage`, timeoutMs: 300 } }) });
    const result = repo.warden(["audit"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(/^warden: the advisory endpoint of 127\.0\.0\.1:\d+\/garbage answered with something that is not JSON$/);
    expect(result.stdout + result.stderr).not.toContain("s3cretRegistryPass");
    expect((await standIn()).auth).toBe(`Basic ${Buffer.from("deploy:s3cretRegistryPass").toString("base64")}`);
    // ... and the other failures in this process, each one WardenError (the CLI prints its one line, exit 2)
    const cases: [string, RegExp][] = [
      [`${base}/down`, /answered 503$/],
      [`${base}/nothing-here/x`, /answered 404 \(this registry does not serve/],
      [`${base}/hang/x`, /no answer within 300 ms \(audit.timeoutMs\)$/],
      ["http://127.0.0.1:9/", /^cannot reach the advisory endpoint of 127.0.0.1:9: /],
    ];
    for (const [registry, message] of cases) {
      repo.write({ "warden.config.json": JSON.stringify({ audit: { registry, timeoutMs: 300 } }) });
      const error = await auditCommand(silentIo(repo.dir), {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isWardenError(error) ? error.code : error, registry).toBe("USAGE");
      expect((error as Error).message, registry).toMatch(message);
    }
    await expect(auditCommand(silentIo(repo.dir), { severity: "severe" })).rejects.toThrow('unknown severity "severe"');
    repo.write({ "warden.config.json": config({}) });
  });

  it("takes the registry from .npmrc when the config names none", async () => {
    repo.write({ "warden.config.json": "{}", ".npmrc": `registry=${base}/ok/\n` });
    const before = (await standIn()).requests;
    // npm's order: npm_config_registry (which `pnpm test` and `pnpm run` set for their children) comes before .npmrc
    const env = { npm_config_registry: "", NPM_CONFIG_REGISTRY: "" };
    const result = repo.warden(["audit", "--severity", "critical"], { env });
    expect(result.code, result.stderr).toBe(1);
    expect((await standIn()).requests).toBe(before + 1);
    repo.write({ "warden.config.json": config({}), ".npmrc": "" });
  });
});

describe("lockfile readers", () => {
  const names = (packages: Map<string, Set<string>>): string[] => [...packages].map(([n, v]) => `${n}@${[...v].join("|")}`).sort();

  it("reads pnpm lockfiles v5, v6 and v9, and this repository's own", () => {
    expect(names(pnpmPackages(PNPM_LOCK).packages)).toEqual(["@scope/pkg@2.1.0", "lodash@4.17.20", "minimist@1.2.5"]);
    const v6 = "lockfileVersion: '6.0'\n\npackages:\n\n  /@babel/core@7.24.7:\n    resolution: {}\n\n  /react-dom@18.2.0(react@18.2.0):\n    resolution: {}\n";
    expect(names(pnpmPackages(v6).packages)).toEqual(["@babel/core@7.24.7", "react-dom@18.2.0"]);
    const v5 = "lockfileVersion: 5.4\n\npackages:\n\n  /@types/node/20.1.0:\n    resolution: {}\n\n  /react-dom/18.2.0_react@18.2.0:\n    resolution: {}\n";
    expect(names(pnpmPackages(v5).packages)).toEqual(["@types/node@20.1.0", "react-dom@18.2.0"]);
    const own = pnpmPackages(readFileSync(path.join(REPO_ROOT, "pnpm-lock.yaml"), "utf8")).packages;
    const catalog = readFileSync(path.join(REPO_ROOT, "pnpm-workspace.yaml"), "utf8");
    const zod = /^ {2}zod: (\S+)$/m.exec(catalog)?.[1];
    expect(own.get("zod")?.has(zod ?? "?")).toBe(true);
    expect([...own.keys()].some((n) => n.startsWith("@warden/"))).toBe(false);
    expect(own.size).toBeGreaterThan(300);
  });

  it("reads package-lock.json v1 and v3, yarn classic and berry, and bun.lock", () => {
    const v3 = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        "": { name: "root" },
        "node_modules/lodash": { version: "4.17.20" },
        "node_modules/a/node_modules/lodash": { version: "4.17.21" },
        "node_modules/alias": { name: "real-pkg", version: "1.0.0" },
        "node_modules/app": { resolved: "packages/app", link: true },
        "packages/app": { version: "0.0.0" },
      },
    });
    expect(names(npmPackages(v3).packages)).toEqual(["lodash@4.17.20|4.17.21", "real-pkg@1.0.0"]);
    const v1 = JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: "1.0.0", dependencies: { b: { version: "2.0.0" } } }, c: { version: "npm:real-c@3.0.0" }, d: { version: "github:acme/d#abc" } } });
    const v1Read = npmPackages(v1);
    expect(names(v1Read.packages)).toEqual(["a@1.0.0", "b@2.0.0", "real-c@3.0.0"]);
    expect(v1Read.notFromRegistry).toBe(1);
    const classic = `# yarn lockfile v1\n\n\n"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.22.13":\n  version "7.22.13"\n  resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.22.13.tgz#abc"\n  dependencies:\n    chalk "^2.4.2"\n\nstring-width-cjs@npm:string-width@^4.2.0:\n  version "4.2.3"\n`;
    expect(names(yarnPackages(classic).packages)).toEqual(["@babel/code-frame@7.22.13", "string-width@4.2.3"]);
    const berry = `__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"lodash@npm:^4.17.0":\n  version: 4.17.20\n  resolution: "lodash@npm:4.17.20"\n  checksum: 10c0/abc\n\n"app@workspace:packages/app":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:packages/app"\n`;
    const berryRead = yarnPackages(berry);
    expect(names(berryRead.packages)).toEqual(["lodash@4.17.20"]);
    expect(berryRead.notFromRegistry).toBe(1);
    const bun = `{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": { "name": "root", },\n  },\n  "packages": {\n    "lodash": ["lodash@4.17.20", "", {}, "sha512-x"],\n    "app": ["app@workspace:packages/app"],\n  },\n}\n`;
    expect(names(bunPackages(bun).packages)).toEqual(["lodash@4.17.20"]);
  });

  it("matches an unreadable range to every version rather than hiding the advisory", () => {
    const packages = new Map([["x", new Set(["1.0.0"])]]);
    const { findings } = matchAdvisories(packages, new Map([["x", [{ id: 1, severity: "high", vulnerable_versions: "not a range ~~" }]]]), { severity: "high", ignore: [] }, "2026-01-01");
    expect(findings.map((f) => [f.package, f.counted])).toEqual([["x", true]]);
  });
});
