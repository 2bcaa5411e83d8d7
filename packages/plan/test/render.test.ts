import { JSDOM } from "jsdom";
import { WardenConfigSchema, type DeployEvent } from "@warden/core";
import { beforeAll, describe, expect, it } from "vitest";
import { collectInventory, digestEvents, keepManualSections, MERMAID_MAX_TEXT, packageGraphDiagram, renderPlan, staleReason, type PlanFacts } from "../src/index.js";

type Mermaid = { parse(text: string): Promise<{ diagramType: string }> };
let mermaid: Mermaid;
beforeAll(async () => {
  // mermaid's parser needs a DOM (DOMPurify); jsdom gives it one, no browser involved
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default as unknown as Mermaid;
}, 60_000);

const blocks = (text: string): string[] => [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] as string);

let seq = 0;
function ev(type: DeployEvent["type"], at: string, release: string, extra: Partial<DeployEvent> = {}): DeployEvent {
  seq += 1;
  return { id: `e${String(seq).padStart(4, "0")}`, at, env: "production", release, commit: `c0ffee${String(seq).padStart(4, "0")}`, type, ...extra };
}

const config = WardenConfigSchema.parse({
  deploy: {
    environments: {
      production: {
        target: { type: "kubernetes", name: "shop", image: "registry.example/shop:{commit}" },
        health: { url: "https://user:pw@shop.example/healthz?token=x" },
        migrate: { command: "true", dir: "migrations" },
      },
      staging: { target: { type: "local", app: "app", start: "node server.mjs", port: 4100 } },
    },
  },
  plan: { history: 3 },
});

function facts(): PlanFacts {
  seq = 0;
  const events: DeployEvent[] = [
    ev("started", "2026-03-01T23:50:00.000Z", "r1", { detail: { user: "ana" } }),
    ev("migrated", "2026-03-01T23:55:00.000Z", "r1", { detail: { ran: true, files: 1 } }),
    ev("succeeded", "2026-03-02T00:05:00.000Z", "r1"),
    ev("started", "2026-03-03T10:00:00.000Z", "r2"),
    ev("rolled_back", "2026-03-03T10:04:00.000Z", "r2", { step: "health" }),
    ev("started", "2026-03-04T10:00:00.000Z", "r3"),
    ev("succeeded", "2026-03-04T10:02:00.000Z", "r3"),
    ev("incident_opened", "2026-03-04T11:00:00.000Z", "r3", { detail: { incident: "INC-1" } }),
    ev("monitor", "2026-03-04T12:00:00.000Z", "r3", {
      durationMs: 5000,
      detail: { requests: 50, errors: 1, errorRate: 2, availability: 100, p50: 12.5, p95: 250.1, p99: 300, paths: [{ path: "/healthz", source: "health", requests: 25, errors: 0, status: 200, p50: 10, p95: 20, p99: 30 }, { path: "/api/items", source: "endpoint", requests: 25, errors: 1, status: 500, p50: 15, p95: 260, p99: 300 }] },
    }),
  ];
  const packages = Array.from({ length: 4 }, (_, i) => ({ dir: `packages/p${i}`, name: `@x/p${i}`, manifest: { name: `@x/p${i}`, version: "1.0.0", dependencies: i === 0 ? {} : { [`@x/p${i - 1}`]: "workspace:^" } } }));
  const files: Record<string, string> = {
    "Dockerfile": "FROM node:20.19-slim AS build\nRUN npm ci\nFROM node:20.19-slim\nUSER node\nEXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:8080/healthz\n",
    "compose.yaml": "services:\n  web:\n    build: .\n    ports: ['8080:8080']\n    depends_on: [db]\n    healthcheck: { test: ['CMD', 'true'] }\n  db:\n    image: postgres:16\n    ports: [{ target: 5432, published: 5433 }]\n",
    "deploy/k8s.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: shop, namespace: prod }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: shop, namespace: prod }\n",
    ".github/workflows/ci.yml": "name: CI\non:\n  push: {}\n  pull_request: {}\njobs:\n  test: { runs-on: ubuntu-latest, steps: [] }\n",
    "broken/compose.yml": "services: [unclosed\n",
  };
  return {
    config,
    digest: digestEvents(events),
    endpoints: [
      { method: "GET", path: "/api/items", framework: "express", file: "src/app.ts", line: 4 },
      { method: "GET", path: "/api/items/:id", framework: "express", file: "src/app.ts", line: 5 },
    ],
    inventory: collectInventory(Object.keys(files), (f) => files[f], packages),
    migrations: [{ env: "production", dir: "migrations", files: [{ name: "001-init.sql", state: "applied" }, { name: "002-add.sql", state: "pending" }], lastRun: { at: "2026-03-01T23:55:00.000Z", release: "r1" } }],
    adrs: [{ number: 1, title: "Use a proxy", status: "accepted", date: "2026-01-02", file: "adr/0001-use-a-proxy.md" }],
    authors: new Map(),
  };
}

describe("the plan document", () => {
  it("shows environments, history, migrations, endpoints with probes, monitoring against 200 ms, metrics, inventory and ADRs; the same facts give the same bytes", () => {
    const text = renderPlan(facts());
    expect(renderPlan(facts())).toBe(text);
    expect(text).not.toMatch(/generated at|user:pw|token=x/i);
    expect(text).toContain("| production | kubernetes | shop.default:80 | blue-green | GET https://shop.example/healthz → 200 | r3 (since 2026-03-04 10:02:00) | succeeded, 2026-03-04 10:02:00 |");
    expect(text).toContain("| staging | local | 127.0.0.1:4100 | blue-green | GET /healthz → 200 | none | none |");
    // history newest first, a deploy over midnight with its user, a rollback with its step
    expect(text).toContain("| r3 | c0ffee0006 | succeeded | 2026-03-04 10:00:00 | 2 min 0 s | — |\n| r2 | c0ffee0004 | rolled_back at health | 2026-03-03 10:00:00 | 4 min 0 s | — |\n| r1 | c0ffee0001 | succeeded | 2026-03-01 23:50:00 | 15 min 0 s | ana |");
    expect(text).toContain("open incidents: r3 (since 2026-03-04 11:00:00)");
    expect(text).toContain("Folder `migrations`: 1 applied, 1 pending; last run by release r1 at 2026-03-01 23:55:00.");
    expect(text).toContain("| GET | `/api/items` | express | src/app.ts:4 | production: 500, p95 260 ms |");
    expect(text).toContain("| GET | `/api/items/:id` | express | src/app.ts:5 | not probed (parameters) |");
    expect(text).toContain("API standard p95 < 200 ms: not met.");
    expect(text).toContain("| `/healthz` | health | 25 | 0 | 200 | 10 | 20 | 30 | met |");
    expect(text).toContain("| change fail rate | 66.7 % of deployments | — | — | 2 distinct failed deployments of 3 that reached production |");
    expect(text).toContain("| API response time (p95, worst environment) | 250.1 ms | < 200 ms | not met |");
    expect(text).toContain("| compose.yaml | db | postgres:16 | 5433:5432 | — | no |");
    expect(text).toContain("| deploy/k8s.yaml | Deployment | shop | prod |");
    expect(text).toContain("| .github/workflows/ci.yml | CI | pull_request, push | test |");
    expect(text).toContain("| Dockerfile | node:20.19-slim, node:20.19-slim | 8080 | node | yes |");
    expect(text).toMatch(/- broken\/compose\.yml: .+/);
    expect(text).toContain("| [0001](adr/0001-use-a-proxy.md) | Use a proxy | accepted | 2026-01-02 |");
  });

  it("renders every diagram with mermaid's parser: package graph, topology, timeline, trends", async () => {
    const diagrams = blocks(renderPlan(facts()));
    expect(diagrams.map((d) => d.split("\n")[0])).toEqual(["flowchart LR", "flowchart LR", "gantt", "xychart-beta", "xychart-beta"]);
    for (const d of diagrams) {
      expect(d.length).toBeLessThan(MERMAID_MAX_TEXT);
      await expect(mermaid.parse(d)).resolves.toMatchObject({ diagramType: expect.any(String) });
    }
    await expect(mermaid.parse("flowchart LR\n  a -- > \n")).rejects.toThrow(); // the parser does reject bad text
  });

  it("summarises a package graph too large to render: 400 packages → one node per folder, under 50,000 characters, and it parses", async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ name: `@big/package-number-${i}`, dir: `${i % 2 === 0 ? "apps" : "libs"}/p${i}`, version: "1.0.0", private: false, dependsOn: i === 0 ? [] : [`@big/package-number-${i - 1}`, `@big/package-number-${Math.floor(i / 2)}`] }));
    const diagram = packageGraphDiagram(many);
    expect(diagram.length).toBeLessThan(MERMAID_MAX_TEXT);
    expect(diagram).toContain('g_apps["apps/ (200 packages)"]');
    await expect(mermaid.parse(diagram)).resolves.toMatchObject({ diagramType: "flowchart-v2" });
  });

  it("keeps hand-written sections, puts back sections the template lost, and names the stale section in one line", () => {
    const first = renderPlan(facts());
    const edited = first.replace("_Hand-written notes go here; `warden plan` keeps this section as it is._", "Our on-call rota: see the wiki.") + "\n<!-- warden:manual:start risks -->\nThe database is a single node.\n<!-- warden:manual:end risks -->\n";
    const again = renderPlan(facts(), edited);
    expect(again).toContain("<!-- warden:manual:start notes -->\nOur on-call rota: see the wiki.\n<!-- warden:manual:end notes -->");
    expect(again).toContain("## Kept hand-written sections\n\n<!-- warden:manual:start risks -->\nThe database is a single node.\n<!-- warden:manual:end risks -->\n");
    expect(renderPlan(facts(), again)).toBe(again);
    expect(keepManualSections("a\n", undefined)).toBe("a\n");
    expect(staleReason("docs/system-plan.md", again, again)).toBeUndefined();
    expect(staleReason("docs/system-plan.md", undefined, again)).toBe("docs/system-plan.md does not exist; run `warden plan`");
    const changed = again.replace("| r3 | c0ffee0006 | succeeded |", "| r3 | c0ffee0006 | failed |");
    expect(staleReason("docs/system-plan.md", changed, again)).toMatch(/^docs\/system-plan\.md is stale: "production" differs from the facts \(line \d+\); run `warden plan`$/);
  });
});
