import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEPLOY_STEPS, DeployEnvironmentSchema } from "@warden/core";
import { GIT_ENV, REPO_ROOT, runAsync, WARDEN_BIN, type TempRepo } from "@warden/test-utils";
import { switchLeaseMs } from "@warden/deploy";
import { cleanupRepo, commitService, eventsOf, get, serviceRepo, serviceSource } from "@warden/test-utils/deploy";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
}, 30_000);

/** A repo whose warden.config.json deploys app/ to the local target as environment "staging". */
function configuredRepo(extra: Record<string, unknown> = {}): TempRepo {
  const repo = serviceRepo("v0");
  repos.push(repo);
  repo.write({
    "warden.config.json": JSON.stringify({
      deploy: {
        default: "staging",
        environments: {
          staging: {
            target: { type: "local", app: "app", start: "node server.mjs", stopTimeoutMs: 2000 },
            health: { retries: 30, intervalMs: 100, timeoutMs: 1000 },
            preflight: { cleanTree: true, check: false, scan: false },
            build: "node -e \"process.exit(0)\"",
            backup: ["app/server.mjs"],
            migrate: { command: "true", dir: "migrations" },
            ...extra,
          },
        },
      },
    }),
    "migrations/001-init.sql": "create table t (id int);\n",
  });
  repo.commit("chore: deploy config", { noVerify: true });
  return repo;
}

/** A local deploy environment with the health settings configuredRepo() writes (they decide the switch lease). */
function localEnv(): ReturnType<typeof DeployEnvironmentSchema.parse> {
  return DeployEnvironmentSchema.parse({
    target: { type: "local", app: "app", start: "node server.mjs", stopTimeoutMs: 2000 },
    health: { retries: 30, intervalMs: 100, timeoutMs: 1000 },
  });
}

function warden(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv = {}) {
  return runAsync(process.execPath, [WARDEN_BIN, ...args], { cwd: repo.dir, env: { ...GIT_ENV, ...env } });
}

function servingUrl(stdout: string): string {
  const match = /serving at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
  if (match?.[1] === undefined) throw new Error(`no URL in: ${stdout}`);
  return match[1];
}

/** Poll `url` until it answers `body` or `timeoutMs` passes; the last answer. */
async function servedWithin(url: string, body: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await get(url).catch((error: unknown) => ({ status: 0, body: String(error) }));
    if ((answer.status === 200 && answer.body === body) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitFor(file: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("warden deploy as a process", () => {
  it("stops at a safe point on SIGTERM or SIGINT and rolls back what is half done, with the outcome event", { timeout: 120_000 }, async () => {
    const repo = configuredRepo();
    const first = await warden(repo, ["deploy"]);
    expect(first.code, first.stderr).toBe(0);
    const url = servingUrl(first.stdout);
    const paused = path.join(repo.dir, ".warden/deploy/staging/paused");
    const cases = [
      // before the switch: the new instances are stopped; after it: traffic goes back first
      { signal: "SIGTERM", at: "health", switched: false },
      { signal: "SIGINT", at: "smoke", switched: true },
    ] as const;
    for (const { signal, at, switched } of cases) {
      commitService(repo, serviceSource(`v-${at}`), `feat: v-${at}`);
      const child = spawn(process.execPath, [WARDEN_BIN, "deploy"], { cwd: repo.dir, env: { ...GIT_ENV, WARDEN_DEPLOY_PAUSE_AT: at }, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      await waitFor(paused);
      child.kill(signal);
      expect(await exited, stderr).toBe(1);
      expect(stderr).toMatch(new RegExp(`${signal}: stopping at the next safe point`));
      const events = eventsOf(repo.dir, "staging");
      const outcome = events.filter((e) => e.type === "failed" || e.type === "rolled_back").at(-1);
      expect(outcome).toMatchObject({ step: at, detail: { interrupted: signal, trafficSwitched: switched, error: `interrupted by ${signal} before step ${at}` } });
      expect(outcome?.type).toBe("rolled_back");
      expect(events.at(-1)?.type).toBe("unlocked");
      // what was half done is undone: the old version serves, only its instance runs, the lock is gone
      expect(await get(url)).toEqual({ status: 200, body: "v0" });
      expect(readdirSync(path.join(repo.dir, ".warden/deploy/staging/run"))).toHaveLength(1);
      expect(existsSync(path.join(repo.dir, ".warden/deploy/staging/lock"))).toBe(false);
    }
  });

  it("refuses the second of two deploys of one environment at once, with a clear message", async () => {
    // the first deploy holds the lock inside a hook until the test lets it go: no timing luck involved
    const repo = configuredRepo({ hooks: { before: { start: "touch .warden/in-hook; while [ ! -e .warden/go ]; do sleep 0.05; done" } } });
    const first = warden(repo, ["deploy"]);
    await waitFor(path.join(repo.dir, ".warden/in-hook"));
    const second = await warden(repo, ["deploy", "staging"]);
    writeFileSync(path.join(repo.dir, ".warden/go"), "");
    const done = await first;
    expect(done.code, done.stderr).toBe(0);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    expect(second.stderr).toMatch(/^warden: deploy of "staging" refused: another deploy \((\S+ on )?\S+, pid \d+, release \S+, at step \w+\) holds the lock \S*lock since \S+Z \(\d+(m \d+)?s\); wait for it to finish\n$/);
    expect(await get(servingUrl(done.stdout))).toEqual({ status: 200, body: "v0" });
    // the refused deploy wrote no events
    expect(eventsOf(repo.dir, "staging").filter((e) => e.type === "started")).toHaveLength(1);
  });

  it("survives SIGKILL at every pipeline step: the old version serves until the switch is confirmed, and a plain next deploy takes the stale lock over and succeeds", { timeout: 300_000 }, async () => {
    const repo = configuredRepo();
    const first = await warden(repo, ["deploy"]);
    expect(first.code, first.stderr).toBe(0);
    const url = servingUrl(first.stdout);
    const paused = path.join(repo.dir, ".warden/deploy/staging/paused");
    // the config's health timeout is 1000 ms: an unconfirmed switch lives 2000 ms after its last renewal
    const leaseMs = switchLeaseMs(localEnv());
    expect(leaseMs).toBe(2000);
    let live = "v0";
    for (const [n, step] of DEPLOY_STEPS.entries()) {
      const version = `v${n + 1}`;
      commitService(repo, serviceSource(version), `feat: ${version}`);
      const child = spawn(process.execPath, [WARDEN_BIN, "deploy", "staging"], {
        cwd: repo.dir,
        env: { ...GIT_ENV, WARDEN_DEPLOY_PAUSE_AT: step },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await waitFor(paused);
      expect(readFileSync(paused, "utf8")).toBe(`${step} ${child.pid}\n`);
      child.kill("SIGKILL");
      await exited;
      // the switch is provisional until the smoke check passed and the deploy confirmed it: killed
      // at any step up to the smoke check, the proxy puts the old version back by itself (at most
      // one lease after the last renewal); killed later, the confirmed new version keeps serving
      const confirmed = DEPLOY_STEPS.indexOf(step) > DEPLOY_STEPS.indexOf("smoke");
      const expected = confirmed ? version : live;
      if (step === "smoke") expect(await get(url), "killed at smoke: the unconfirmed switch still holds").toEqual({ status: 200, body: version });
      expect(await servedWithin(url, expected, leaseMs + 3000), `killed at ${step}`).toEqual({ status: 200, body: expected });

      // no --force-unlock: the dead deploy's lock is taken over, with one warning line naming it
      const next = await warden(repo, ["deploy"]);
      expect(next.code, `${step}: ${next.stdout}${next.stderr}`).toBe(0);
      const warnings = next.stderr.split("\n").filter((line) => line.includes("stale deploy lock"));
      expect(warnings, `after kill at ${step}`).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(`^warden deploy warn: took over the stale deploy lock of "staging": pid ${child.pid} is no longer running; it took the lock at \\S+Z for release \\S+ and was at step ${step}; that deploy was killed or crashed$`),
      );
      expect(await get(url)).toEqual({ status: 200, body: version });
      const locked = eventsOf(repo.dir, "staging").filter((e) => e.type === "locked").at(-1);
      expect(locked?.detail?.replacedStaleLock).toMatchObject({ pid: child.pid, step, how: "stale", reason: `pid ${child.pid} is no longer running` });
      if (step === "smoke") {
        // what the proxy did on its own is on record
        expect(locked?.detail?.unconfirmedSwitches).toEqual([expect.objectContaining({ by: "proxy-lease", leaseMs, to: [expect.stringMatching(/#0$/)] })]);
        expect(next.stderr).toMatch(/repaired: the proxy had reverted an unconfirmed switch to \S+#0 at \S+Z \(not confirmed within its 2000 ms lease\)/);
      } else {
        expect(locked?.detail?.unconfirmedSwitches, step).toBeUndefined();
      }
      live = version;
    }
    const events = eventsOf(repo.dir, "staging");
    // the first deploy, every recovery deploy, and the one killed at unlock (it had already succeeded)
    expect(events.filter((e) => e.type === "succeeded")).toHaveLength(DEPLOY_STEPS.length + 2);
    expect(events.filter((e) => e.type === "locked" && e.detail?.replacedStaleLock !== undefined)).toHaveLength(DEPLOY_STEPS.length);
    // nothing is left running but the live instance (and the proxy)
    expect(readdirSync(path.join(repo.dir, ".warden/deploy/staging/run"))).toHaveLength(1);
    const releases = await warden(repo, ["releases", "staging", "--json"]);
    const list = JSON.parse(releases.stdout) as { release: string; live: boolean }[];
    expect(list.filter((r) => r.live)).toHaveLength(1);
    // prune keeps the default 5 releases, and the backups of those only
    expect(list).toHaveLength(5);
    const backups = readdirSync(path.join(repo.dir, ".warden/deploy/staging/backups"));
    expect(backups.sort()).toEqual(list.map((r) => r.release).sort());
    const liveRelease = list.find((r) => r.live)?.release ?? "";
    expect(readFileSync(path.join(repo.dir, ".warden/deploy/staging/backups", liveRelease, "app/server.mjs"), "utf8")).toContain("v");
  });

  it.each([
    ["rolling", { strategy: { type: "rolling" } }, 2],
    ["canary", { strategy: { type: "canary", share: 0.5, durationMs: 300, minRequests: 0 } }, 1],
  ] as const)("%s: a deploy killed before its switch was confirmed leaves the old version serving all traffic", async (_name, strategy, instances) => {
    const repo = configuredRepo(strategy);
    const config = JSON.parse(readFileSync(path.join(repo.dir, "warden.config.json"), "utf8")) as { deploy: { environments: { staging: { target: Record<string, unknown> } } } };
    config.deploy.environments.staging.target.instances = instances;
    repo.write({ "warden.config.json": JSON.stringify(config) });
    repo.commit("chore: instances", { noVerify: true });
    const first = await warden(repo, ["deploy"]);
    expect(first.code, first.stderr).toBe(0);
    const url = servingUrl(first.stdout);
    commitService(repo, serviceSource("v1"), "feat: v1");
    const paused = path.join(repo.dir, ".warden/deploy/staging/paused");
    const child = spawn(process.execPath, [WARDEN_BIN, "deploy", "staging"], { cwd: repo.dir, env: { ...GIT_ENV, WARDEN_DEPLOY_PAUSE_AT: "smoke" }, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await waitFor(paused);
    expect(await get(url)).toEqual({ status: 200, body: "v1" });
    child.kill("SIGKILL");
    await exited;
    expect(await servedWithin(url, "v0", switchLeaseMs(localEnv()) + 3000)).toEqual({ status: 200, body: "v0" });
    const answers = await Promise.all(Array.from({ length: 30 }, () => get(url)));
    expect(new Set(answers.map((a) => `${a.status} ${a.body}`))).toEqual(new Set(["200 v0"]));
    const next = await warden(repo, ["deploy"]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/warn: took over the stale deploy lock of "staging": pid \d+ is no longer running; .* and was at step smoke;/);
    expect(await get(url)).toEqual({ status: 200, body: "v1" });
    expect(readdirSync(path.join(repo.dir, ".warden/deploy/staging/run"))).toHaveLength(instances);
  });

  it("refuses a lock taken on another host with the --force-unlock advice; --force-unlock removes it and says so", async () => {
    const repo = configuredRepo();
    const first = await warden(repo, ["deploy"]);
    expect(first.code, first.stderr).toBe(0);
    const lock = path.join(repo.dir, ".warden/deploy/staging/lock");
    const foreign = { pid: 4242, host: "build-box-7", release: "20261122T074630966Z-815c1a6", since: "2026-11-22T07:46:30.966Z", step: "switch" };
    writeFileSync(lock, `${JSON.stringify(foreign)}\n`);
    const before = eventsOf(repo.dir, "staging").length;
    const refused = await warden(repo, ["deploy"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /^warden: deploy of "staging" refused: \S*lock was taken by build-box-7, pid 4242, release 20261122T074630966Z-815c1a6, at step switch at 2026-11-22T07:46:30\.966Z \(.+ ago\), and its holder cannot be checked: it was taken on build-box-7, and a process there cannot be checked from .+; check nothing is deploying, then rerun with --force-unlock\n$/,
    );
    expect(eventsOf(repo.dir, "staging")).toHaveLength(before);
    expect(JSON.parse(readFileSync(lock, "utf8"))).toEqual(foreign);

    const forced = await warden(repo, ["deploy", "--force-unlock"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/^warden deploy warn: removed the deploy lock of "staging" with --force-unlock \(it was taken on build-box-7.*\); it took the lock at 2026-11-22T07:46:30\.966Z for release 20261122T074630966Z-815c1a6 and was at step switch$/m);
    expect(eventsOf(repo.dir, "staging").filter((e) => e.type === "locked").at(-1)?.detail?.replacedStaleLock).toMatchObject({ host: "build-box-7", how: "forced" });
    expect(existsSync(lock)).toBe(false);
  });

  it("prints the plan with --dry-run and runs nothing", async () => {
    const repo = configuredRepo();
    const plan = await warden(repo, ["deploy", "--dry-run"]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^deploy plan for "staging" \(dry run: nothing is run\)/);
    for (const step of DEPLOY_STEPS) expect(plan.stdout).toMatch(new RegExp(`\\d+\\. ${step} `));
    expect(existsSync(path.join(repo.dir, ".warden"))).toBe(false);
  });

  it("rejects an unknown environment and a bad config with one line and exit code 2", async () => {
    const repo = configuredRepo();
    const unknown = await warden(repo, ["deploy", "stagign"]);
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toBe('warden: unknown environment "stagign" — did you mean "staging"? (configured: staging)\n');
    repo.write({ "warden.config.json": JSON.stringify({ deploy: { environments: { staging: { target: { type: "local", app: "app" } } } } }) });
    const bad = await warden(repo, ["deploy"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^warden: warden\.config\.json: deploy\.environments\.staging\.target\.start: .+\n$/);
    const help = await warden(repo, ["rollback", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--to <release>/);
  });

  it("./deploy.sh hands over to warden deploy: the embedded default is the example service on the local target", async () => {
    const plan = await runAsync("bash", [path.join(REPO_ROOT, "deploy.sh"), "--dry-run"], { cwd: REPO_ROOT });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/^deploy plan for "local" \(dry run: nothing is run\)\n {2}target {4}local → \.warden\/deploy\/local\n/);
    expect(plan.stdout).toContain("(copy of examples/hello-service)");
    // `pnpm run deploy -- ENV` passes the "--" on
    const viaPnpm = await runAsync("bash", [path.join(REPO_ROOT, "deploy.sh"), "--", "local", "--dry-run"], { cwd: REPO_ROOT });
    expect(viaPnpm.code, viaPnpm.stderr).toBe(0);
    expect(viaPnpm.stdout).toMatch(/^deploy plan for "local"/);
    const help = await runAsync("bash", [path.join(REPO_ROOT, "deploy.sh"), "--help"], { cwd: REPO_ROOT });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: \.\/deploy\.sh \[ENV\]/);
    expect(help.stdout).toContain("Usage: warden deploy [options] [env]");
  });
});
