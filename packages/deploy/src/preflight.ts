import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runGit, type DeployEnvironment } from "@warden/core";
import { changedMigrations, migrationChecksums, readApplied } from "./migrations.js";
import { lastLine, runArgv, runShell } from "./shell.js";

/** The verdict of one preflight gate. */
export interface GateResult {
  readonly gate: string;
  readonly status: "passed" | "failed" | "skipped";
  readonly detail: string;
}

/** What the gates need besides the environment's config. */
export interface PreflightContext {
  readonly root: string;
  readonly env: string;
  readonly envDir: string;
  /** The applied migrations as recorded where the environment's state lives (ssh: on the host); default: `<envDir>/migrations.json`. */
  readonly applied?: Record<string, string>;
  readonly config: DeployEnvironment;
  /** argv prefix that runs the warden CLI (e.g. [node, bin]); gates that need it are skipped without. */
  readonly warden: readonly string[] | undefined;
  /** Commit of the live release, for the changeset gate. */
  readonly liveCommit: string | undefined;
  /** What the checklist's rollback plan is judged on (absent: the item is skipped). */
  readonly rollback?: {
    /** The live release, which a failed deploy goes back to. */
    readonly live: string | undefined;
    /** Whether the live release is kept on the target (and, where the target can tell, unmodified). */
    readonly kept: boolean;
    /** How the target goes back (built in, or the configured command); undefined: no way back. */
    readonly how: string | undefined;
  };
}

const passed = (gate: string, detail: string): GateResult => ({ gate, status: "passed", detail });
const failed = (gate: string, detail: string): GateResult => ({ gate, status: "failed", detail });
const skipped = (gate: string, detail: string): GateResult => ({ gate, status: "skipped", detail });

async function cleanTree(root: string): Promise<GateResult> {
  const result = await runGit(root, ["status", "--porcelain", "--untracked-files=normal"], { allowFailure: true });
  if (result.code !== 0) return failed("clean tree", "not a git work tree");
  const dirty = result.stdout.toString("utf8").split("\n").filter((l) => l.trim() !== "");
  return dirty.length === 0 ? passed("clean tree", "no uncommitted changes") : failed("clean tree", `${dirty.length} uncommitted change(s), e.g. ${dirty[0]?.slice(3)}; commit or stash them`);
}

async function command(gate: string, cmd: string, root: string): Promise<GateResult> {
  const result = await runShell(cmd, { cwd: root });
  return result.code === 0 ? passed(gate, `\`${cmd}\` passed`) : failed(gate, `\`${cmd}\` exited ${result.code}: ${lastLine(result.output)}`);
}

async function wardenGate(gate: string, args: readonly string[], ctx: PreflightContext, probeHelp: boolean): Promise<GateResult> {
  if (ctx.warden === undefined) return skipped(gate, "the warden CLI is not available to this run");
  const [program, ...prefix] = ctx.warden;
  if (program === undefined) return skipped(gate, "the warden CLI is not available to this run");
  if (probeHelp) {
    // a command is available when the CLI's own help lists it
    const help = await runArgv(program, [...prefix, "--help"], { cwd: ctx.root });
    const listed = new RegExp(`^\\s+${args[0] ?? ""}\\b`, "m").test(help.output);
    if (help.code !== 0 || !listed) return skipped(gate, `\`warden ${args[0]}\` is not installed`);
  }
  const result = await runArgv(program, [...prefix, ...args], { cwd: ctx.root, env: { NO_COLOR: "1" } });
  if (result.code === 0) return passed(gate, `\`warden ${args.join(" ")}\` passed`);
  const first = result.output.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  const last = lastLine(result.output);
  return failed(gate, `\`warden ${args.join(" ")}\` exited ${result.code}: ${first === last ? last : `${first} … ${last}`}`);
}

function pendingChangesets(root: string): string[] {
  const dir = path.join(root, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith(".md") && n !== "README.md").map((n) => readFileSync(path.join(dir, n), "utf8"));
}

async function changesets(ctx: PreflightContext): Promise<GateResult> {
  if (ctx.liveCommit === undefined || ctx.liveCommit === "") return passed("changesets", "first deploy of this environment");
  const diff = await runGit(ctx.root, ["diff", "--name-only", `${ctx.liveCommit}..HEAD`], { allowFailure: true });
  if (diff.code !== 0) return skipped("changesets", `live commit ${ctx.liveCommit.slice(0, 7)} is not in this repository`);
  const files = diff.stdout.toString("utf8").split("\n").filter(Boolean);
  const packages = new Set(files.map((f) => /^(packages\/[^/]+)\//.exec(f)?.[1]).filter((p): p is string => p !== undefined));
  const pending = pendingChangesets(ctx.root).join("\n");
  const missing = [...packages].filter((dir) => {
    if (files.includes(`${dir}/CHANGELOG.md`)) return false;
    try {
      const name = (JSON.parse(readFileSync(path.join(ctx.root, dir, "package.json"), "utf8")) as { name?: string }).name ?? dir;
      return !pending.includes(`"${name}"`) && !pending.includes(`'${name}'`);
    } catch {
      return false; // no package.json: not a package
    }
  });
  return missing.length === 0
    ? passed("changesets", `${packages.size} changed package(s) documented`)
    : failed("changesets", `changed since the live release without a changeset: ${missing.join(", ")}; run pnpm changeset`);
}

function migrations(ctx: PreflightContext): GateResult {
  if (ctx.config.migrate === undefined) return skipped("migrations", "no migrate command configured");
  const changed = changedMigrations(ctx.applied ?? readApplied(ctx.envDir), migrationChecksums(path.resolve(ctx.root, ctx.config.migrate.dir)));
  return changed.length === 0 ? passed("migrations", "applied migration files unchanged") : failed("migrations", changed.join("; "));
}

/**
 * Run the configured preflight gates (and, with `checklist`, every item of the deployment
 * checklist). Returns every verdict; the pipeline stops when any failed.
 */
export async function runPreflight(ctx: PreflightContext): Promise<GateResult[]> {
  const p = ctx.config.preflight;
  const all = p.checklist;
  const results: GateResult[] = [];
  if (p.cleanTree) results.push(await cleanTree(ctx.root));
  if (p.tests !== false) results.push(await command("tests", p.tests, ctx.root));
  else if (all) results.push(failed("tests", "checklist: tests green — set preflight.tests to the test command"));
  if (p.check || all) results.push(await wardenGate("warden check", ["check"], ctx, false));
  if (p.scan || all) results.push(await wardenGate("warden scan", ["scan"], ctx, true));
  if (p.audit) results.push(await wardenGate("warden audit", ["audit"], ctx, true));
  if (p.changesets || all) results.push(await changesets(ctx));
  if (p.migrations || all) results.push(migrations(ctx));
  if (p.bench !== false) results.push(await command("benchmarks", p.bench, ctx.root));
  else if (all) results.push(failed("benchmarks", "checklist: benchmarks within budget — set preflight.bench to the budget check"));
  if (all) {
    results.push(rollbackPlan(ctx));
    results.push(healthCheck(ctx.config));
  }
  return results;
}

/** Checklist: a previous release to go back to exists, and a rollback is built in or configured. */
function rollbackPlan(ctx: PreflightContext): GateResult {
  const r = ctx.rollback;
  if (r === undefined) return skipped("rollback plan", "not judged by this run");
  if (r.how === undefined) return failed("rollback plan", `the ${ctx.config.target.type} target has no rollback: configure one`);
  if (r.live === undefined) return skipped("rollback plan", `first deploy of "${ctx.env}": no previous release to roll back to (judged from the next deploy on)`);
  if (!r.kept) return failed("rollback plan", `the live release ${r.live} is not on the target any more (or was modified), so a failed deploy has nothing to go back to`);
  return passed("rollback plan", `back to ${r.live} (kept on the target); ${r.how}`);
}

/** Checklist: a health check is configured for the target (it is run at step health). */
function healthCheck(config: DeployEnvironment): GateResult {
  const h = config.health;
  const t = config.target;
  if (t.type === "local" || t.type === "ssh") return passed("health check", `configured: GET ${h.path} on each new instance expects ${h.expectStatus} before the switch (run at step health)`);
  if (t.type === "kubernetes") return passed("health check", `configured: readiness probe GET ${h.path}${h.url === undefined ? "" : ` and GET ${h.url}`} (run at step health)`);
  if (t.health !== undefined) return passed("health check", `configured: \`${t.health}\` (run at step health)`);
  if (h.url !== undefined) return passed("health check", `configured: GET ${h.url} expects ${h.expectStatus} (run at step health)`);
  return failed("health check", "the command target has no health check: set target.health or health.url");
}
