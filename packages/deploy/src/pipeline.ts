import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import path from "node:path";
import {
  DeployStrategySchema,
  runGit,
  silentLogger,
  WardenError,
  type DeployEnvironment,
  type DeployEvent,
  type DeployEventType,
  type DeployStrategy,
  type Logger,
} from "@warden/core";
import { readDeployEnv } from "./env.js";
import { DeployRefusedError, StepFailedError } from "./errors.js";
import { EventLog, type EventSink } from "./events.js";
import { boundedAll, FleetFailedError, rolloutFleet, stopOldInstances } from "./fleet.js";
import { checkHealth, describeHealthFailure } from "./health.js";
import { SwitchLease, switchLeaseMs } from "./lease.js";
import { acquireLockOn, localLockStore, type DeployLock, type ReplacedLock } from "./lock.js";
import { migrationChecksums, recordApplied, type AppliedMigrations } from "./migrations.js";
import { runPreflight } from "./preflight.js";
import { grantedSecrets, maskSecrets, secretsDetail, type DeploySecrets, type Grants } from "./secrets.js";
import { configHash, newReleaseId, type ReleaseManifest } from "./release.js";
import { commitLive, restoreOld, RolloutFailedError, smokeSettings, type Rollout, type RolloutContext, type StepName, type StepRunner } from "./rollout.js";
import { lastLine, runShell } from "./shell.js";
import blueGreen from "./strategies/blue-green.js";
import canary from "./strategies/canary.js";
import rolling from "./strategies/rolling.js";
import { createTarget } from "./targets/index.js";
import { localEnvDir } from "./targets/local.js";
import { hostUnits, type HostUnit } from "./targets/ssh.js";
import type { LiveState, Recovery, Target, UnconfirmedSwitch } from "./types.js";

/** Options of one deploy. */
export interface DeployOptions {
  readonly root: string;
  readonly env: string;
  readonly config: DeployEnvironment;
  /** Use this strategy instead of the configured one (its settings take their defaults). */
  readonly strategy?: DeployStrategy["type"];
  readonly dryRun?: boolean;
  /** Deploy from a work tree with uncommitted changes to an environment whose checklist is on (production). */
  readonly allowDirty?: boolean;
  /**
   * Remove a lock whose holder cannot be checked from here (another host, another container, an
   * unreadable lock). A lock of a provably dead deploy is taken over (and reported) without it;
   * a live one is never taken over.
   */
  readonly forceUnlock?: boolean;
  /** argv prefix that runs the warden CLI, for the `warden check`/`warden scan` gates. */
  readonly warden?: readonly string[];
  /** `secrets.grants` of the config: the release receives the names granted to `deploy:<env>`. */
  readonly grants?: Grants;
  readonly logger?: Logger;
  /** Called with each event as it is written to the log (the CLI posts GitHub deployment statuses from them). */
  readonly onEvent?: (event: DeployEvent) => void;
}

/** How a deploy ended: `rolled_back` means a new version was started, rejected, and the old one serves. */
export type DeployOutcome = "succeeded" | "failed" | "rolled_back" | "planned";

/** The result of `deploy()`. */
export interface DeployResult {
  readonly outcome: DeployOutcome;
  readonly env: string;
  readonly release: string;
  readonly commit: string;
  readonly step: string | undefined;
  readonly error: string | undefined;
  readonly url: string | undefined;
  readonly plan: string[];
  readonly repaired: string[];
  readonly events: DeployEvent[];
}

const EVENT_OF: Record<StepName, DeployEventType> = {
  lock: "locked",
  preflight: "preflight",
  build: "built",
  backup: "backup",
  release: "released",
  migrate: "migrated",
  start: "launched",
  health: "health",
  canary: "canary",
  switch: "switched",
  smoke: "smoke",
  stop_old: "stopped_old",
  prune: "pruned",
  unlock: "unlocked",
};

const STRATEGIES: Record<DeployStrategy["type"], (ctx: RolloutContext) => Promise<Rollout>> = {
  "blue-green": blueGreen,
  rolling,
  canary,
};

/** How many uncommitted changes the work tree has (0 outside git). */
async function dirtyCount(root: string): Promise<number> {
  const result = await runGit(root, ["status", "--porcelain", "--untracked-files=normal"], { allowFailure: true });
  return result.code === 0 ? result.stdout.toString("utf8").split("\n").filter((l) => l.trim() !== "").length : 0;
}

async function headCommit(root: string): Promise<string> {
  const result = await runGit(root, ["rev-parse", "HEAD"], { allowFailure: true });
  return result.code === 0 ? result.stdout.toString("utf8").trim() : "";
}

/**
 * What receives each event line once it is written: the host's copy of the log (instance
 * targets) and the caller's listener, which gets the event as stored (redacted); a listener's
 * error never stops a deploy.
 */
function eventMirror(target: Target, onEvent: ((event: DeployEvent) => void) | undefined, units?: readonly HostUnit[]): ((line: string) => void) | undefined {
  const record =
    units !== undefined ? (line: string) => units.forEach((u) => u.target.recordEvent(line)) : target.kind === "instances" ? (line: string) => target.recordEvent(line) : undefined;
  if (onEvent === undefined) return record;
  return (line) => {
    record?.(line);
    try {
      onEvent(JSON.parse(line) as DeployEvent);
    } catch {
      // a listener never stops a deploy
    }
  };
}

/** The environment's config with the strategy override applied. */
export function effectiveConfig(config: DeployEnvironment, strategy: DeployStrategy["type"] | undefined): DeployEnvironment {
  if (strategy === undefined || strategy === config.strategy.type) return config;
  return { ...config, strategy: DeployStrategySchema.parse({ type: strategy }) };
}

/** Instances for `instances: "auto"`: one per core, at most one per 256 MiB of memory, between 1 and 8. */
export function autoInstances(cores: number = availableParallelism(), memoryBytes: number = totalmem()): number {
  return Math.max(1, Math.min(8, cores, Math.floor(memoryBytes / (256 * 1024 * 1024))));
}

/** Hosts worked on at once (the ssh target's `parallelism`). */
function parallelismOf(config: DeployEnvironment): number {
  return config.target.type === "ssh" ? config.target.parallelism : 1;
}

function instanceCount(config: DeployEnvironment): number {
  const target = config.target;
  if (target.type === "local") return target.instances === "auto" ? autoInstances() : target.instances;
  return target.type === "ssh" ? target.instances : 1;
}

/** The steps a deploy would run, one line each, for --dry-run. */
export function planLines(options: DeployOptions, target: Target, release: string, commit: string, live: string | undefined): string[] {
  const c = effectiveConfig(options.config, options.strategy);
  const p = c.preflight;
  const gates = [
    p.cleanTree && "clean tree",
    p.tests !== false && `tests (\`${p.tests}\`)`,
    (p.check || p.checklist) && "warden check",
    (p.scan || p.checklist) && "warden scan (when installed)",
    (p.changesets || p.checklist) && "changesets",
    (p.migrations || p.checklist) && "migration checksums",
    p.bench !== false && `benchmarks (\`${p.bench}\`)`,
    p.checklist && "deployment checklist",
  ].filter((g): g is string => typeof g === "string");
  const strategy = c.strategy.type === "canary" ? `canary: ${c.strategy.share * 100}% for ${c.strategy.durationMs} ms, then promote or roll back` : c.strategy.type;
  const steps: [string, string][] = [
    ["lock", `${target.describe()}/lock (a dead deploy's lock is taken over and reported; one that cannot be checked needs --force-unlock)`],
    ["preflight", gates.length === 0 ? "no gates configured" : gates.join(", ")],
    ["build", c.build === false ? "skipped (build: false)" : `\`${c.build}\``],
    ["backup", c.backup.length === 0 ? "nothing configured" : c.backup.join(", ")],
    ["release", `immutable release ${release}${"app" in c.target ? ` (copy of ${c.target.app})` : ""} with manifest.json (commit, UTC time, config hash)`],
    ["migrate", c.migrate === undefined ? "no migrate command" : `\`${c.migrate.command}\` (checksums of ${c.migrate.dir} recorded)`],
  ];
  if (target.kind === "instances") {
    const t = c.target as Extract<DeployEnvironment["target"], { start: string }>;
    steps.push(
      ["start", `${instanceCount(c)} instance(s) of \`${t.start}\``],
      ["health", `GET ${c.health.path} expects ${c.health.expectStatus} (timeout ${c.health.timeoutMs} ms, ${c.health.retries} retries every ${c.health.intervalMs} ms), then the smoke request GET ${smokeSettings(c).path} expects ${smokeSettings(c).expectStatus} on each new instance before any traffic reaches it`],
      ["switch", `${strategy}, provisional (the proxy goes back to the old release unless confirmed within ${switchLeaseMs(c)} ms, renewed while the deploy runs); live now: ${live ?? "none"}`],
      ["smoke", `GET ${smokeSettings(c).path} again, through the proxy, expects ${smokeSettings(c).expectStatus}, then the switch is confirmed; failure rolls back`],
      ["stop_old", live === undefined ? "nothing running" : `stop the instances of ${live}`],
    );
  } else {
    steps.push(
      ["switch", target.plan(release, commit).join(" && ")],
      ["health", c.target.type === "command" && c.target.health !== undefined ? `\`${c.target.health}\`` : `GET ${c.health.url ?? c.health.path} expects ${c.health.expectStatus}`],
    );
  }
  steps.push(["prune", `keep ${c.keepReleases} release(s)`], ["unlock", "remove the lock"]);
  return [
    `deploy plan for "${options.env}" (dry run: nothing is run)`,
    `  target    ${c.target.type} → ${target.describe()}`,
    `  commit    ${commit === "" ? "(no commit)" : commit.slice(0, 12)}  release ${release}`,
    ...(c.target.type === "ssh" && c.target.hosts !== undefined
      ? [`  hosts     ${c.target.hosts.map((h) => `${h.host}${h.sshPort === undefined ? "" : `:${h.sshPort}`} (${h.roles.join(", ")})`).join(", ")}; ${c.target.parallelism} at a time; lock on every host first, migrate on the first web host; ${c.strategy.type} across hosts; steps below are per host from start on`]
      : []),
    ...steps.map(([name, what], i) => `  ${String(i + 1).padStart(2)}. ${name.padEnd(10)} ${what}`),
  ];
}

/** How a failed deploy of `config`'s target goes back, for the checklist's rollback plan (undefined: none). */
function rollbackMechanism(target: Target, config: DeployEnvironment, env: string): string | undefined {
  if (target.kind === "instances") return `built in: the proxy moves traffic back to the live release's instances (automatic on a failed check; by hand: warden rollback ${env})`;
  if (config.target.type === "kubernetes") return `built in: kubectl rollout undo (automatic on a failed check; by hand: warden rollback ${env})`;
  if (config.target.type === "command") return config.target.rollback.trim() === "" ? undefined : `the configured rollback command \`${config.target.rollback}\``;
  return undefined;
}

/** A migrations.json text as checksums by file name (missing or unreadable: none). */
function parseApplied(text: string | undefined): AppliedMigrations {
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as AppliedMigrations;
  } catch {
    return {};
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Take the environment's deploy lock where the target keeps its state: on the host for the local
 * and ssh targets (every checkout deploying there sees it), in `.warden/deploy/<env>/` for the
 * others. A refusal closes the target's connections before it is thrown.
 */
async function takeLock(target: Target, envDir: string, env: string, release: string, forceUnlock: boolean): Promise<DeployLock> {
  try {
    return await acquireLockOn(target.kind === "instances" ? target.lockStore() : localLockStore(envDir), env, release, forceUnlock ? { forceUnlock: true } : {});
  } catch (error) {
    if (target.kind === "instances") await target.close();
    throw error;
  }
}

/**
 * Take the environment's lock on every host (each role's folder), in the order of `hosts`: all or
 * nothing — a refusal on one host (naming it and the holder) releases the locks taken so far.
 */
async function takeLocks(units: readonly HostUnit[], env: string, release: string, forceUnlock: boolean): Promise<DeployLock> {
  const held: DeployLock[] = [];
  try {
    for (const unit of units) held.push(await acquireLockOn(unit.target.lockStore(), env, release, forceUnlock ? { forceUnlock: true } : {}));
  } catch (error) {
    for (const lock of held) await lock.release();
    for (const unit of units) await unit.target.close();
    throw error;
  }
  const first = held[0] as DeployLock;
  let last: string | undefined;
  // the step reached is written to every host's lock in the background, in order (a step does not
  // wait for a round trip to every host; the locks themselves are held all along). A write that
  // fails (an unreachable host) only leaves an older step in that lock: the step's own work on
  // that host fails and says why.
  let writes: Promise<void> = Promise.resolve();
  return {
    file: held.map((l) => l.file).join(", "),
    get info() {
      return first.info;
    },
    replaced: held.find((l) => l.replaced !== undefined)?.replaced,
    progress: async (name) => {
      // per-host steps report the same step from every host: each change is written once
      if (name === last) return;
      last = name;
      writes = writes.then(async () => {
        await Promise.allSettled(held.map((l) => l.progress(name)));
      });
    },
    release: async () => {
      await writes;
      await Promise.all(held.map((l) => l.release()));
    },
  };
}

/** The ssh target's hosts with their roles, when it lists `hosts` (undefined: one target). */
function unitsOf(ctx: { root: string; env: string; config: DeployEnvironment; logger: Logger }): HostUnit[] | undefined {
  const t = ctx.config.target;
  return t.type === "ssh" && t.hosts !== undefined ? hostUnits(ctx, t) : undefined;
}

/** Close the target (and every host's, with several). */
async function closeAll(target: Target, units: readonly HostUnit[] | undefined): Promise<void> {
  if (units !== undefined) await Promise.all(units.map((unit) => unit.target.close()));
  else if (target.kind === "instances") await target.close();
}

/** The one-line report of a lock this run replaced (logged as a warning). */
function replacedLockWarning(env: string, replaced: ReplacedLock): string {
  const h = replaced.holder;
  const where = h === undefined ? "" : `; it took the lock at ${h.since} for release ${h.release}${h.step === undefined ? "" : ` and was at step ${h.step}`}`;
  if (replaced.how === "stale") return `took over the stale deploy lock of "${env}": ${replaced.reason}${where}; that deploy was killed or crashed`;
  return `removed the deploy lock of "${env}" with --force-unlock (${replaced.reason})${where}`;
}

/** The lock this run replaced, as recorded in the `locked` event. */
function replacedLockDetail(replaced: ReplacedLock): Record<string, unknown> {
  return { ...(replaced.holder ?? {}), reason: replaced.reason, how: replaced.how };
}

/** Keep the newest `keep` releases that went live (and the live one); remove the other releases and every other backup. */
async function pruneReleases(envDir: string, releases: ReleaseManifest[], state: LiveState, keep: number, discard: (id: string) => Promise<void>): Promise<string[]> {
  const order = [...state.history].reverse().map((h) => h.release);
  const kept = new Set(order.filter((r, i) => order.indexOf(r) === i).slice(0, keep));
  if (state.release !== undefined) kept.add(state.release);
  const removed: string[] = [];
  for (const manifest of releases) {
    if (kept.has(manifest.release)) continue;
    await discard(manifest.release);
    removed.push(manifest.release);
  }
  // backups belong to the kept releases only (also drops those of deploys that failed or were killed)
  const backups = path.join(envDir, "backups");
  if (existsSync(backups)) {
    for (const name of readdirSync(backups)) if (!kept.has(name)) rmSync(path.join(backups, name), { recursive: true, force: true });
  }
  return removed;
}

/**
 * Deploy one environment: lock → preflight → build → backup → release → migrate → start →
 * health → switch → smoke → stop_old → prune → unlock, each step timed and recorded in
 * `.warden/events/<env>.jsonl`. A failure before the switch discards the new release and
 * leaves the old one serving; a failure after it rolls back automatically.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const logger = options.logger ?? silentLogger;
  const config = effectiveConfig(options.config, options.strategy);
  const { root, env } = options;
  const envDir = localEnvDir(root, env);
  const commit = await headCommit(root);
  const release = newReleaseId(commit);
  const units = unitsOf({ root, env, config, logger });
  // several hosts: releases, migrations, backups and the preflight's records go with the first web host
  const primary = units?.find((u) => u.web)?.target;
  const target: Target = primary ?? createTarget({ root, env, config, logger });
  const base = { env, release, commit, repaired: [] as string[] };

  if (options.dryRun === true) {
    const live = (await target.readState()).release;
    // the granted names (not their values: nothing is decrypted for a dry run) shape the manifests
    const grant = options.grants?.[`deploy:${env}`];
    const names = grant === undefined ? [] : Array.isArray(grant) ? (grant as readonly string[]) : (grant as { names: readonly string[] }).names;
    if (names.length > 0) target.useSecrets(new Map(names.map((name) => [name, ""])));
    const preview = target.kind === "managed" && target.preview !== undefined ? await target.preview(release, commit) : [];
    await closeAll(target, units);
    return { ...base, outcome: "planned", step: undefined, error: undefined, url: undefined, plan: [...planLines(options, target, release, commit, live), ...preview], events: [] };
  }

  // a release built from uncommitted changes is marked; production (checklist on) refuses it unless allowed
  const dirty = await dirtyCount(root);
  if (dirty > 0 && config.preflight.checklist && options.allowDirty !== true) {
    throw new DeployRefusedError("dirty", `deploy of "${env}" refused: the work tree has ${dirty} uncommitted change(s), and a release of a production environment (preflight.checklist) must be a commit; commit them, or rerun with --allow-dirty (the release is then marked dirty)`);
  }
  const settings = readDeployEnv();
  const events = new EventLog(root, env, release, commit, eventMirror(target, options.onEvent, units));
  // lock (a refusal throws DeployRefusedError before anything is written)
  const lockStarted = performance.now();
  const lock: DeployLock = units !== undefined ? await takeLocks(units, env, release, options.forceUnlock === true) : await takeLock(target, envDir, env, release, options.forceUnlock === true);
  if (lock.replaced !== undefined) logger.warn(replacedLockWarning(env, lock.replaced));
  await lock.progress("lock");
  // SIGINT/SIGTERM: stop at the next safe point (a step boundary before the new release is
  // committed as live) and roll back what is half done; a second signal quits at once
  let interrupted: NodeJS.Signals | undefined;
  let committed = false;
  let wake: (() => void) | undefined;
  const interruption = new Promise<void>((resolve) => (wake = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted !== undefined) {
      logger.warn(`${signal} again: quitting at once; the next deploy repairs what is left (the lock, an unconfirmed switch)`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    interrupted = signal;
    logger.warn(committed ? `${signal}: the new release is live; finishing the last steps (again to quit at once)` : `${signal}: stopping at the next safe point and rolling back what is half done (again to quit at once)`);
    wake?.();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const checkInterrupted = (name: StepName): void => {
    if (interrupted !== undefined && !committed) throw new StepFailedError(name, `interrupted by ${interrupted} before step ${name}`);
  };
  const pause = async (name: StepName): Promise<void> => {
    if (settings.pauseAt !== name) return;
    mkdirSync(envDir, { recursive: true });
    const marker = path.join(envDir, "paused");
    writeFileSync(`${marker}.tmp`, `${name} ${process.pid}\n`);
    renameSync(`${marker}.tmp`, marker);
    logger.info(`paused at step ${name} (WARDEN_DEPLOY_PAUSE_AT); waiting to be killed`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, 2 ** 31 - 1))), interruption]);
    clearTimeout(timer);
    checkInterrupted(name);
  };
  const hook = async (when: "before" | "after", name: StepName, host?: string): Promise<void> => {
    if (name === "canary") return;
    const command = config.hooks[when][name];
    if (command === undefined) return;
    const result = await runShell(command, { cwd: root, env: { WARDEN_ENV: env, WARDEN_RELEASE: release, WARDEN_COMMIT: commit, WARDEN_STEP: name, ...(host === undefined ? {} : { WARDEN_HOST: host }) } });
    if (result.code !== 0) throw new StepFailedError(name, `hook ${when} ${name} (\`${command}\`) exited ${result.code}: ${lastLine(result.output)}`);
  };
  const stepOn = (sink: EventSink, host?: string): StepRunner => async (name, run, detail) => {
    if (name !== "unlock") checkInterrupted(name);
    await lock.progress(name);
    await pause(name);
    await hook("before", name, host);
    const started = performance.now();
    logger.info(`${env}: ${name}`);
    let result;
    try {
      result = await run();
    } catch (error) {
      if (error instanceof StepFailedError) {
        // a step that failed with its own record (the gates' verdicts) still writes its event
        if (error.detail !== undefined && error.step === name) {
          sink.emit(EVENT_OF[name], { step: name, durationMs: performance.now() - started, detail: { ...error.detail, failed: true } });
        }
        throw error;
      }
      throw new StepFailedError(name, errorMessage(error), { cause: error });
    }
    await hook("after", name, host);
    sink.emit(EVENT_OF[name], { step: name, durationMs: performance.now() - started, ...(detail === undefined ? {} : { detail: detail(result) }) });
    return result;
  };
  const step = stepOn(events);

  let traffic: SwitchLease | undefined;
  let outcome: DeployOutcome = "failed";
  let failedStep: string | undefined;
  let failure: string | undefined;
  let url: string | undefined;
  let secrets: DeploySecrets | undefined;
  const repaired: string[] = [];
  try {
    // the lock step's hooks run while the lock is held, around the repair of the target
    let lockFailure: unknown;
    try {
      await hook("before", "lock");
    } catch (error) {
      lockFailure = error;
    }
    // the granted secrets, before the repair (which may restart a live instance that needs them)
    try {
      secrets = grantedSecrets(root, env, options.grants);
      events.mask(secrets);
      if (secrets !== undefined) target.useSecrets(secrets.values);
    } catch (error) {
      lockFailure ??= new StepFailedError("lock", `secrets for deploy:${env}: ${errorMessage(error)}`);
    }
    let recovery: Recovery = { notes: [], unconfirmedSwitches: [] as UnconfirmedSwitch[] };
    if (units !== undefined) {
      // every host repaired (`parallelism` at a time: each host's own folder), its notes named by host
      const all: Recovery[] = [];
      await boundedAll(units, parallelismOf(config), async (unit, i) => {
        const r = await unit.target.recover();
        all[i] = { ...r, notes: r.notes.map((n) => `${unit.host} (${unit.role}): ${n}`) };
      });
      recovery = { notes: all.flatMap((r) => r.notes), unconfirmedSwitches: all.flatMap((r) => r.unconfirmedSwitches), proxyRestarts: all.flatMap((r) => r.proxyRestarts ?? []) };
    } else if (target.kind === "instances") recovery = await target.recover();
    repaired.push(...recovery.notes);
    events.emit("started", { detail: { target: config.target.type, strategy: config.strategy.type, pid: process.pid, ...secretsDetail(secrets) } });
    if (lockFailure === undefined) {
      try {
        await hook("after", "lock");
      } catch (error) {
        lockFailure = error;
      }
    }
    events.emit("locked", {
      step: "lock",
      durationMs: performance.now() - lockStarted,
      detail: {
        repaired,
        ...(lock.replaced === undefined ? {} : { replacedStaleLock: replacedLockDetail(lock.replaced) }),
        ...(recovery.unconfirmedSwitches.length === 0 ? {} : { unconfirmedSwitches: recovery.unconfirmedSwitches }),
        ...(recovery.proxyRestarts === undefined || recovery.proxyRestarts.length === 0 ? {} : { proxyRestarts: recovery.proxyRestarts }),
      },
    });
    await pause("lock");
    const before = await target.readState();
    const befores = units === undefined ? [] : await Promise.all(units.map((u) => u.target.readState()));

    // the ssh target keeps migrations, their checksums and backups on the host; the local target's host is this machine
    const onHost = target.kind === "instances" && target.type === "ssh" ? target : undefined;
    let created = false;
    let switched = false;
    let rollout: Rollout | undefined;
    try {
      if (lockFailure !== undefined) throw lockFailure;
      await step(
        "preflight",
        async () => {
          const kept = await target.listReleases();
          const liveManifest = before.release === undefined ? undefined : kept.find((m) => m.release === before.release);
          const gates = await runPreflight({
            root,
            env,
            envDir,
            ...(onHost === undefined ? {} : { applied: parseApplied(await onHost.readHostFile("migrations.json")) }),
            config,
            warden: options.warden,
            liveCommit: liveManifest?.commit,
            rollback: {
              live: before.release,
              kept: liveManifest !== undefined && (target.kind === "managed" || (await target.verifyRelease(liveManifest.release))),
              how: rollbackMechanism(target, config, env),
            },
          });
          const bad = gates.filter((g) => g.status === "failed");
          if (bad.length > 0) throw new StepFailedError("preflight", `gate failed: ${bad.map((g) => `${g.gate}: ${g.detail}`).join("; ")}`, { detail: { gates } });
          return gates;
        },
        (gates) => ({ gates }),
      );
      await step(
        "build",
        async () => {
          if (config.build === false) return "skipped";
          const result = await runShell(config.build, { cwd: root });
          if (result.code !== 0) throw new StepFailedError("build", `\`${config.build}\` exited ${result.code}: ${lastLine(result.output)}`);
          return config.build;
        },
        (command) => ({ command }),
      );
      await step(
        "backup",
        async () => {
          if (onHost !== undefined) return onHost.backupOnHost(release, config.backup);
          const saved: string[] = [];
          for (const entry of config.backup) {
            const from = path.resolve(root, entry);
            if (!existsSync(from)) continue;
            cpSync(from, path.join(envDir, "backups", release, entry), { recursive: true });
            saved.push(entry);
          }
          return saved;
        },
        (saved) => ({ paths: saved, dir: saved.length === 0 ? null : onHost !== undefined ? `${onHost.describe()}/backups/${release}` : path.relative(root, path.join(envDir, "backups", release)) }),
      );
      const manifest = await step(
        "release",
        async () => {
          const manifest = {
            release,
            env,
            commit,
            createdAt: new Date().toISOString(),
            configHash: configHash(options.config),
            strategy: config.strategy.type,
            target: config.target.type,
            ...(dirty > 0 ? { dirty } : {}),
          };
          if (units !== undefined) {
            // uploaded to every host (each role's folder), `parallelism` at a time
            const made: ReleaseManifest[] = [];
            created = true;
            await boundedAll(units, parallelismOf(config), async (unit, i) => {
              made[i] = await unit.target.createRelease(manifest);
            });
            return made[units.findIndex((u) => u.target === target)] as ReleaseManifest;
          }
          const made = await target.createRelease(manifest);
          created = true;
          return made;
        },
        (m) => ({ configHash: m.configHash, contentHash: m.contentHash }),
      );
      await step(
        "migrate",
        async () => {
          if (config.migrate === undefined) return { ran: false };
          // ssh: on the host, in the new release's folder, with the release's environment; else here, at the repository root
          const result =
            onHost !== undefined
              ? await onHost.runInRelease(release, config.migrate.command)
              : await runShell(config.migrate.command, { cwd: root, env: { ...Object.fromEntries(secrets?.values ?? []), WARDEN_ENV: env, WARDEN_RELEASE: release } });
          if (result.code !== 0) throw new StepFailedError("migrate", `\`${config.migrate.command}\` exited ${result.code}: ${lastLine(result.output)}`);
          const sums = migrationChecksums(path.resolve(root, config.migrate.dir));
          if (onHost !== undefined) {
            const merged = { ...parseApplied(await onHost.readHostFile("migrations.json")), ...sums };
            await onHost.writeHostFile("migrations.json", `${JSON.stringify(merged, null, 2)}\n`);
          } else recordApplied(envDir, sums);
          return { ran: true, files: Object.keys(sums).length, where: onHost !== undefined ? onHost.describe() : "this machine" };
        },
        (r) => r,
      );

      if (units !== undefined) {
        const done = await rolloutFleet({
          units,
          befores,
          config,
          release: manifest.release,
          events,
          stepFor: (host, sink) => stepOn(sink, host),
          leaseMs: switchLeaseMs(config),
          parallelism: parallelismOf(config),
          checkInterrupted,
        });
        switched = true;
        committed = true;
        if (primary !== undefined) url = await primary.proxyUrl("/");
        await step(
          "stop_old",
          () => stopOldInstances(units, done, parallelismOf(config)),
          (count) => ({ stopped: count, hosts: done.hosts }),
        );
        await step(
          "prune",
          async () => {
            const removed = new Set<string>();
            await boundedAll(units, parallelismOf(config), async (unit) => {
              for (const id of await pruneReleases(envDir, await unit.target.listReleases(), await unit.target.readState(), config.keepReleases, (r) => unit.target.discardRelease(r))) removed.add(id);
            });
            if (onHost !== undefined) await onHost.pruneHostBackups(new Set((await onHost.listReleases()).map((m) => m.release)));
            return [...removed];
          },
          (removed) => ({ removed, keep: config.keepReleases }),
        );
      } else if (target.kind === "instances") {
        const lease = new SwitchLease(target, switchLeaseMs(config));
        traffic = lease;
        rollout = await STRATEGIES[config.strategy.type]({ target, config, release: manifest.release, instances: instanceCount(config), before, events, step, traffic: lease });
        switched = true;
        const fresh = rollout.newInstances;
        const { path: smokePath, expectStatus: smokeStatus } = smokeSettings(config);
        url = await target.proxyUrl("/");
        try {
          await step(
            "smoke",
            async () => {
              // in maintenance mode the proxy answers 503 to everyone: the new instances are checked directly
              const direct = (await target.maintenance()) !== undefined;
              const urls = direct ? await Promise.all(fresh.map((i) => target.instanceUrl(i, smokePath))) : [await target.proxyUrl(smokePath)];
              let result: Awaited<ReturnType<typeof checkHealth>> | undefined;
              for (const smokeUrl of urls) {
                result = await checkHealth(smokeUrl, { ...config.health, path: smokePath, expectStatus: smokeStatus, retries: 2 });
                if (!result.ok) throw new StepFailedError("smoke", describeHealthFailure(result, smokeStatus));
              }
              if (result === undefined) throw new StepFailedError("smoke", "no instance to check");
              // the new release passed every check: make the switch final, then record it as live
              checkInterrupted("smoke");
              const leased = await lease.confirm("smoke");
              committed = true;
              await commitLive(target, before, release, fresh);
              return { result, leased, direct };
            },
            (r) => ({ phase: "after-switch", ...(r.direct ? { viaProxy: false, reason: "maintenance mode" } : {}), path: smokePath, latenciesMs: r.result.latenciesMs, switchConfirmed: r.leased ? { leaseMs: lease.leaseMs } : "final at once (the proxy predates leases)" }),
          );
        } catch (error) {
          const recoveryMs = await restoreOld({ target, config, before, traffic: lease }, fresh);
          throw new RolloutFailedError("smoke", errorMessage(error), true, recoveryMs);
        }
        const stale = rollout.oldInstances.filter((old) => !rollout?.newInstances.includes(old));
        await step(
          "stop_old",
          async () => {
            // all at once: traffic left them at the switch, and each stop waits for its instance to exit
            await Promise.all(stale.map((old) => target.stopInstance(old)));
            return stale.length;
          },
          (count) => ({ stopped: count }),
        );
        await step(
          "prune",
          async () => {
            const removed = await pruneReleases(envDir, await target.listReleases(), await target.readState(), config.keepReleases, (id) => target.discardRelease(id));
            if (onHost !== undefined) await onHost.pruneHostBackups(new Set((await target.listReleases()).map((m) => m.release)));
            return removed;
          },
          (removed) => ({ removed, keep: config.keepReleases }),
        );
      } else {
        try {
          await step(
            "switch",
            async () => {
              await target.apply(release, commit);
              return target.plan(release, commit);
            },
            (commands) => ({ from: before.release ?? null, to: release, commands }),
          );
          switched = true;
          await step(
            "health",
            async () => {
              const own = await target.health(release);
              if (own !== undefined) {
                if (!own.ok) throw new StepFailedError("health", own.detail);
                return { detail: own.detail };
              }
              if (config.health.url === undefined) return { detail: "no health URL configured" };
              const result = await checkHealth(config.health.url, config.health);
              if (!result.ok) throw new StepFailedError("health", describeHealthFailure(result, config.health.expectStatus));
              return { latenciesMs: result.latenciesMs };
            },
            (r) => r,
          );
        } catch (error) {
          const failedAt = error instanceof StepFailedError ? error.step : "switch";
          try {
            await target.rollback(before.release, { undoLast: true });
          } catch (undo) {
            throw new StepFailedError(failedAt, `${errorMessage(error)}; the rollback failed too: ${errorMessage(undo)}`);
          }
          throw new RolloutFailedError(failedAt, errorMessage(error), true);
        }
        committed = true;
        await target.writeState({
          release,
          instances: [],
          history: [...before.history, { release, at: new Date().toISOString() }],
        });
        await step(
          "prune",
          async () => pruneReleases(envDir, await target.listReleases(), await target.readState(), config.keepReleases, (id) => target.discardRelease(id)),
          (removed) => ({ removed, keep: config.keepReleases }),
        );
      }
      outcome = "succeeded";
      events.emit("succeeded", { detail: { url: url ?? null, strategy: config.strategy.type } });
    } catch (error) {
      failedStep = error instanceof StepFailedError ? error.step : "unknown";
      failure = maskSecrets(errorMessage(error), secrets);
      if (created) {
        if (units !== undefined) for (const unit of units) await unit.target.discardRelease(release);
        else await target.discardRelease(release);
      }
      outcome = error instanceof RolloutFailedError ? "rolled_back" : "failed";
      const serving = (await target.readState()).release ?? null;
      events.emit(outcome, {
        step: failedStep,
        detail: {
          error: failure,
          trafficSwitched: error instanceof RolloutFailedError ? error.trafficMoved : switched,
          ...(error instanceof RolloutFailedError && error.recoveryMs !== undefined ? { recoveryMs: Math.round(error.recoveryMs * 10) / 10 } : {}),
          ...(error instanceof FleetFailedError ? { failedHost: error.failedHost, hosts: error.hosts } : {}),
          serving,
          discarded: created ? release : null,
          ...(interrupted === undefined ? {} : { interrupted }),
        },
      });
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    traffic?.stop();
    try {
      await step("unlock", async () => lock.release(), () => ({}));
    } finally {
      await lock.release();
      rmSync(path.join(envDir, "paused"), { force: true });
      await closeAll(target, units);
    }
  }
  return { ...base, repaired, outcome, step: failedStep, error: failure, url, plan: [], events: events.written };
}

/** Options of a manual rollback. */
export interface RollbackOptions {
  readonly root: string;
  readonly env: string;
  readonly config: DeployEnvironment;
  readonly to?: string;
  readonly forceUnlock?: boolean;
  /** `secrets.grants` of the config: the restored release receives the names granted to `deploy:<env>`. */
  readonly grants?: Grants;
  readonly logger?: Logger;
  /** Called with each event as it is written to the log. */
  readonly onEvent?: (event: DeployEvent) => void;
}

/** The release a rollback goes back to: `to`, or the last release before the live one that still exists. */
export function previousRelease(state: LiveState, available: readonly string[]): string | undefined {
  const order = [...state.history].reverse().map((h) => h.release);
  return order.find((r) => r !== state.release && available.includes(r));
}

/** `warden rollback`: put a previous release back (health-checked before traffic moves). */
export async function rollback(options: RollbackOptions): Promise<DeployResult> {
  const logger = options.logger ?? silentLogger;
  const { root, env, config } = options;
  const envDir = localEnvDir(root, env);
  const units = unitsOf({ root, env, config, logger });
  if (units !== undefined) return rollbackHosts(options, units, logger);
  const target = createTarget({ root, env, config, logger });
  const releases = await target.listReleases();
  const lock = await takeLock(target, envDir, env, "rollback", options.forceUnlock === true);
  if (lock.replaced !== undefined) logger.warn(replacedLockWarning(env, lock.replaced));
  try {
    const secrets = grantedSecrets(root, env, options.grants);
    if (secrets !== undefined) target.useSecrets(secrets.values);
    const repaired = target.kind === "instances" ? (await target.recover()).notes : [];
    const state = await target.readState();
    const to = options.to ?? previousRelease(state, releases.map((m) => m.release));
    if (to === undefined) throw new WardenError("INPUT", `no release of "${env}" to roll back to (see warden releases ${env})`);
    const manifest = releases.find((m) => m.release === to);
    if (manifest === undefined) throw new WardenError("INPUT", `release ${to} of "${env}" does not exist (see warden releases ${env})`);
    if (to === state.release) throw new WardenError("INPUT", `release ${to} is already live in "${env}"`);
    const events = new EventLog(root, env, to, manifest.commit, eventMirror(target, options.onEvent));
    events.mask(secrets);
    const started = performance.now();
    let undone: { readonly revision?: number } = {};
    if (target.kind === "instances") {
      if (!(await target.verifyRelease(to))) throw new WardenError("INPUT", `release ${to} of "${env}" was modified after it was made (content hash mismatch); deploy instead`);
      const fresh = [];
      try {
        for (let i = 0; i < instanceCount(config); i += 1) fresh.push(await target.startInstance(to, i));
        for (const instance of fresh) {
          const result = await checkHealth(await target.instanceUrl(instance, config.health.path), config.health);
          if (!result.ok) throw new StepFailedError("health", describeHealthFailure(result, config.health.expectStatus));
        }
      } catch (error) {
        for (const instance of fresh) await target.stopInstance(instance);
        events.emit("failed", { step: "health", detail: { error: errorMessage(error), manual: true, serving: state.release ?? null } });
        return { env, release: to, commit: manifest.commit, repaired, outcome: "failed", step: "health", error: errorMessage(error), url: undefined, plan: [], events: events.written };
      }
      await target.writeState({ release: to, instances: fresh, history: [...state.history, { release: to, at: new Date().toISOString() }] });
      await target.route(fresh.map((instance) => ({ instance, weight: 1 })));
      for (const old of state.instances) await target.stopInstance(old);
    } else {
      try {
        undone = await target.rollback(to);
      } catch (error) {
        events.emit("failed", { step: "rollback", detail: { error: errorMessage(error), manual: true, serving: state.release ?? null } });
        return { env, release: to, commit: manifest.commit, repaired, outcome: "failed", step: "rollback", error: errorMessage(error), url: undefined, plan: [], events: events.written };
      }
      await target.writeState({ release: to, instances: [], history: [...state.history, { release: to, at: new Date().toISOString() }] });
    }
    events.emit("rolled_back", { durationMs: performance.now() - started, detail: { from: state.release ?? null, to, manual: true, ...(undone.revision === undefined ? {} : { revision: undone.revision }), ...secretsDetail(secrets) } });
    const url = target.kind === "instances" ? await target.proxyUrl("/") : undefined;
    return { env, release: to, commit: manifest.commit, repaired, outcome: "rolled_back", step: undefined, error: undefined, url, plan: [], events: events.written };
  } finally {
    await lock.release();
    if (target.kind === "instances") await target.close();
  }
}

/**
 * `warden rollback` of an environment with several hosts: the environment's lock on every host
 * (all or nothing), each host repaired, then the release goes back on every host the way a
 * deploy moves it (blue-green across hosts, or one host at a time when the strategy is rolling):
 * started and health- and smoke-checked on every host before its proxy switches, each switch
 * provisional under a lease until every host passed, one failing host puts the release that
 * served back on all of them. Per-host steps are events with `host`; the outcome event lists
 * every host.
 */
async function rollbackHosts(options: RollbackOptions, units: HostUnit[], logger: Logger): Promise<DeployResult> {
  const { root, env } = options;
  const config: DeployEnvironment = options.config.strategy.type === "rolling" ? options.config : { ...options.config, strategy: DeployStrategySchema.parse({ type: "blue-green" }) };
  const primary = (units.find((u) => u.web) ?? (units[0] as HostUnit)).target;
  const lock = await takeLocks(units, env, "rollback", options.forceUnlock === true);
  if (lock.replaced !== undefined) logger.warn(replacedLockWarning(env, lock.replaced));
  try {
    const secrets = grantedSecrets(root, env, options.grants);
    const notes: string[][] = [];
    await boundedAll(units, parallelismOf(config), async (unit, i) => {
      if (secrets !== undefined) unit.target.useSecrets(secrets.values);
      notes[i] = (await unit.target.recover()).notes.map((n) => `${unit.host} (${unit.role}): ${n}`);
    });
    const repaired = notes.flat();
    const befores = await Promise.all(units.map((u) => u.target.readState()));
    const state = befores[units.findIndex((u) => u.target === primary)] as LiveState;
    const kept = await Promise.all(units.map(async (u) => new Set((await u.target.listReleases()).map((m) => m.release))));
    const everywhere = [...(kept[0] ?? [])].filter((r) => kept.every((k) => k.has(r)));
    const to = options.to ?? previousRelease(state, everywhere);
    if (to === undefined) throw new WardenError("INPUT", `no release of "${env}" to roll back to on every host (see warden releases ${env})`);
    const missing = units.filter((u, i) => !kept[i]?.has(to)).map((u) => `${u.host} (${u.role})`);
    if (missing.length > 0) throw new WardenError("INPUT", `release ${to} of "${env}" does not exist on ${missing.join(", ")} (see warden releases ${env})`);
    if (befores.every((b) => b.release === to)) throw new WardenError("INPUT", `release ${to} is already live in "${env}"`);
    const modified: string[] = [];
    for (const unit of units) if (!(await unit.target.verifyRelease(to))) modified.push(unit.host);
    if (modified.length > 0) throw new WardenError("INPUT", `release ${to} of "${env}" was modified after it was made on ${modified.join(", ")} (content hash mismatch); deploy instead`);
    const manifest = (await primary.listReleases()).find((m) => m.release === to) as ReleaseManifest;
    const events = new EventLog(root, env, to, manifest.commit, eventMirror(primary, options.onEvent, units));
    events.mask(secrets);
    const stepFor = (_host: string, sink: EventSink): StepRunner => async (name, run, detail) => {
      await lock.progress(name);
      const started = performance.now();
      let result;
      try {
        result = await run();
      } catch (error) {
        if (error instanceof StepFailedError) throw error;
        throw new StepFailedError(name, errorMessage(error), { cause: error });
      }
      sink.emit(EVENT_OF[name], { step: name, durationMs: performance.now() - started, detail: { ...(detail === undefined ? {} : detail(result)), manual: true } });
      return result;
    };
    const started = performance.now();
    const base = { env, release: to, commit: manifest.commit, repaired, plan: [] as string[] };
    let done;
    try {
      done = await rolloutFleet({ units, befores, config, release: to, events, stepFor, leaseMs: switchLeaseMs(config), parallelism: parallelismOf(config), checkInterrupted: () => undefined, appendHistory: true });
    } catch (error) {
      const message = maskSecrets(errorMessage(error), secrets);
      const step = error instanceof StepFailedError ? error.step : "start";
      events.emit("failed", {
        step,
        detail: { error: message, manual: true, from: state.release ?? null, to, serving: state.release ?? null, ...(error instanceof FleetFailedError ? { failedHost: error.failedHost, hosts: error.hosts } : {}) },
      });
      return { ...base, outcome: "failed", step, error: message, url: undefined, events: events.written };
    }
    await lock.progress("stop_old");
    const stopped = await stopOldInstances(units, done, parallelismOf(config));
    events.emit("rolled_back", {
      durationMs: performance.now() - started,
      detail: {
        from: state.release ?? null,
        to,
        manual: true,
        strategy: config.strategy.type,
        stopped,
        hosts: units.map((u, i) => ({ host: u.host, role: u.role, from: befores[i]?.release ?? null, instances: done.newInstances[i]?.length ?? 0 })),
        ...secretsDetail(secrets),
      },
    });
    return { ...base, outcome: "rolled_back", step: undefined, error: undefined, url: await primary.proxyUrl("/"), events: events.written };
  } finally {
    await lock.release();
    await Promise.all(units.map((unit) => unit.target.close()));
  }
}

/** One release as listed by `warden releases`. */
export interface ReleaseEntry extends ReleaseManifest {
  readonly live: boolean;
  readonly wentLiveAt: string | undefined;
}

/** The releases of an environment on its target, oldest first, with the live one marked. */
export async function listReleases(options: { root: string; env: string; config: DeployEnvironment }): Promise<ReleaseEntry[]> {
  const target = createTarget({ ...options, logger: silentLogger });
  const state = await target.readState();
  const releases = await target.listReleases();
  if (target.kind === "instances") await target.close();
  return releases.map((m) => ({ ...m, live: m.release === state.release, wentLiveAt: [...state.history].reverse().find((h) => h.release === m.release)?.at }));
}
