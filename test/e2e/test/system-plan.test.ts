import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepo, REPO_ROOT, type TempRepo } from "@warden/test-utils";
import { cleanupRepo } from "@warden/test-utils/deploy";

// One real local deploy of examples/hello-service, probed, planned, checked, deployed again.
let repo: TempRepo;
let mermaid: { parse(text: string): Promise<{ diagramType: string }> };

beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default as unknown as typeof mermaid;
  const example = path.join(REPO_ROOT, "examples/hello-service");
  repo = gitRepo({
    "examples/hello-service/server.mjs": readFileSync(path.join(example, "server.mjs")),
    "examples/hello-service/package.json": readFileSync(path.join(example, "package.json")),
    ".gitignore": ".warden/\n",
    "warden.config.json": JSON.stringify({
      deploy: {
        default: "local",
        environments: {
          local: {
            target: { type: "local", app: "examples/hello-service", start: "node server.mjs", stopTimeoutMs: 2000 },
            health: { path: "/healthz", retries: 30, intervalMs: 100, timeoutMs: 1000 },
            preflight: { cleanTree: false, check: false, scan: false, migrations: false },
            build: false,
          },
        },
      },
    }),
  });
  repo.commit("feat: hello service", { noVerify: true });
}, 60_000);

afterAll(async () => {
  if (repo !== undefined) await cleanupRepo(repo); // stops what the deploys started, fails on any left
});

describe("the system plan of a real local deploy", () => {
  it("deploy → monitor 5s → plan shows the deploy, the endpoint with measured latency and diagrams that parse; --check passes, fails after one more deploy, passes once regenerated", async () => {
    const deployed = repo.warden(["deploy", "local"]);
    expect(deployed.code, deployed.stderr).toBe(0);
    const release = /^deployed (\S+) to local/.exec(deployed.stdout)?.[1] ?? "";
    expect(release).not.toBe("");

    const monitored = repo.warden(["monitor", "local", "--duration", "5s", "--rate", "20"]);
    expect(monitored.stderr).toMatch(/^warden monitor: probing 1 paths of local \(http:\/\/127\.0\.0\.1:\d+\) for 5 s at up to 20 requests\/s\n/);
    expect(monitored.stdout).toMatch(new RegExp(`^local \\(release ${release}\\): \\d+ requests in \\d+\\.\\d s; availability 100%, error rate 0%; p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms; p95 < 200 ms (met|NOT met)\\n {2}/healthz +200 `));
    const requests = Number(/: (\d+) requests/.exec(monitored.stdout)?.[1]);
    expect(requests).toBeGreaterThan(1);
    expect(requests).toBeLessThanOrEqual(101); // 20/s for 5 s, bounded

    expect(repo.warden(["plan"])).toMatchObject({ code: 0, stdout: "wrote docs/system-plan.md\n" });
    const plan = readFileSync(path.join(repo.dir, "docs/system-plan.md"), "utf8");
    expect(plan).toMatch(new RegExp(`\\| local \\| local \\| 127\\.0\\.0\\.1 \\(proxy port chosen by the OS\\) \\| blue-green \\| GET /healthz → 200 \\| ${release} \\(since `));
    expect(plan).toMatch(new RegExp(`\\| ${release} \\| [0-9a-f]{10} \\| succeeded \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\| [\\d.]+ (ms|s|min \\d+ s) \\| Test Author \\(commit author\\) \\|`));
    expect(plan).toMatch(/\| ALL \| `\/healthz` \| node-http \| examples\/hello-service\/server\.mjs:22 \| local: 200, p95 [\d.]+ ms \|/);
    expect(plan).toMatch(/\| `\/healthz` \| health \| \d+ \| 0 \| 200 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| (met|not met) \|/);
    const diagrams = [...plan.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(diagrams.length).toBeGreaterThanOrEqual(4);
    for (const d of diagrams) await expect(mermaid.parse(d)).resolves.toMatchObject({ diagramType: expect.any(String) });

    expect(repo.warden(["plan"]).stdout).toBe("docs/system-plan.md is current (unchanged)\n");
    expect(readFileSync(path.join(repo.dir, "docs/system-plan.md"), "utf8")).toBe(plan);
    expect(repo.warden(["plan", "--check"])).toMatchObject({ code: 0, stdout: "docs/system-plan.md is current\n" });

    const again = repo.warden(["deploy", "local"]);
    expect(again.code, again.stderr).toBe(0);
    const stale = repo.warden(["plan", "--check"]);
    expect(stale).toMatchObject({ code: 1, stdout: "" });
    expect(stale.stderr).toMatch(/^warden: docs\/system-plan\.md is stale: "Environments" differs from the facts \(line \d+\); run `warden plan`\n$/);
    expect(repo.warden(["plan"]).code).toBe(0);
    expect(repo.warden(["plan", "--check"]).code).toBe(0);
  });
});
