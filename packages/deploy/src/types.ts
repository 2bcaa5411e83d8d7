import type { DeployEnvironment, Logger } from "@warden/core";
import type { LockStore } from "./lock.js";
import type { ProxyRestart, ProxyStats } from "./proxy.js";
import type { ReleaseManifest } from "./release.js";
import type { OutputStreams } from "./shell.js";

/** Maintenance mode of the proxy: since when, and the Retry-After it answers with (seconds). */
export interface MaintenanceMode {
  readonly retryAfter: number;
  readonly since: string;
}

/** One running instance of a release. */
export interface Instance {
  readonly release: string;
  readonly index: number;
  readonly port: number;
  readonly pid: number;
}

/** An instance and its share of the traffic. */
export interface Route {
  readonly instance: Instance;
  readonly weight: number;
}

/** Which release is live on a target, its instances, and the releases that went live before. */
export interface LiveState {
  readonly release: string | undefined;
  readonly instances: readonly Instance[];
  readonly history: readonly { readonly release: string; readonly at: string }[];
}

/** Everything a target module needs to know about the deployment it serves. */
export interface TargetContext {
  readonly root: string;
  readonly env: string;
  readonly config: DeployEnvironment;
  readonly logger: Logger;
}

/** What every target does: keep releases and the live state. */
export interface TargetBase {
  /** Where the releases live, for messages. */
  describe(): string;
  readState(): Promise<LiveState>;
  writeState(state: LiveState): Promise<void>;
  createRelease(manifest: Omit<ReleaseManifest, "contentHash">): Promise<ReleaseManifest>;
  discardRelease(release: string): Promise<void>;
  listReleases(): Promise<ReleaseManifest[]>;
}

/**
 * A provisional switch that a killed deploy never confirmed, as the next deploy found it:
 * reverted by the proxy when its lease ran out (`by: "proxy-lease"`), or still pending and
 * cancelled by the next deploy's repair (`by: "recover"`).
 */
export interface UnconfirmedSwitch {
  readonly id: string;
  readonly by: "proxy-lease" | "recover";
  /** When traffic went back (ISO-8601 UTC). */
  readonly at: string;
  /** When the provisional switch was made. */
  readonly since: string;
  readonly leaseMs: number;
  /** Routes (`release#instance`) of the unconfirmed switch, dropped. */
  readonly from: readonly string[];
  /** Routes that serve again. */
  readonly to: readonly string[];
}

/** What `recover()` repaired after a killed deploy. */
export interface Recovery {
  /** One line per repair, for people. */
  readonly notes: string[];
  readonly unconfirmedSwitches: UnconfirmedSwitch[];
  /** Restarts of the proxy by its supervisor after a crash, since the last deploy. */
  readonly proxyRestarts?: ProxyRestart[];
}

/**
 * A target that runs instances itself behind Warden's proxy (local, ssh): the strategies drive
 * it instance by instance.
 */
export interface InstanceTarget extends TargetBase {
  readonly kind: "instances";
  readonly type: "local" | "ssh";
  /**
   * The granted secret values every instance started from now on receives (on top of the
   * target's declared `env`), delivered over the supervisor's standard input.
   */
  useSecrets(values: ReadonlyMap<string, string>): void;
  /** Put the target in a consistent state after a killed deploy; returns what was repaired. */
  recover(): Promise<Recovery>;
  /** Whether a release exists on the target and still matches its content hash. */
  verifyRelease(release: string): Promise<boolean>;
  startInstance(release: string, index: number): Promise<Instance>;
  stopInstance(instance: Instance): Promise<void>;
  /** Whether the instance's process is still running. */
  instanceAlive(instance: Instance): Promise<boolean>;
  /** URL of `path` on one instance, as reachable from here. */
  instanceUrl(instance: Instance, path: string): Promise<string>;
  /** URL of `path` through the proxy, as reachable from here. */
  proxyUrl(path: string): Promise<string>;
  /** Set the proxy's routes for good (cancels a provisional switch). */
  route(routes: readonly Route[]): Promise<void>;
  /**
   * Move traffic provisionally: the proxy goes back to its current routes by itself unless
   * `confirmSwitch` arrives within `leaseMs` (renewed by `renewSwitch`). Returns the switch's id,
   * or undefined when the running proxy predates leases (the switch is then final).
   */
  switchProvisional(routes: readonly Route[], leaseMs: number): Promise<string | undefined>;
  /** Renew a provisional switch's lease; false when the proxy no longer holds it (reverted or replaced). */
  renewSwitch(id: string, timeoutMs: number): Promise<boolean>;
  /** Make a provisional switch final; false when the proxy no longer holds it. */
  confirmSwitch(id: string): Promise<boolean>;
  stats(): Promise<ProxyStats>;
  /**
   * Record an event line on the host too (ssh: `<path>/<env>/events.jsonl`, so every checkout's
   * deploys are in one log there); no-op where the host is this machine. Flushed by `close()`.
   */
  recordEvent(line: string): void;
  /** The proxy as it runs now (undefined: not running), without starting it. */
  proxyStatus(): Promise<{ readonly pid: number; readonly port: number; readonly restarts: number; readonly startedAt: string | undefined; readonly supervised: boolean; readonly boot?: ProxyBoot } | undefined>;
  /** A file of the environment's folder on the host (`migrations.json`, …); undefined when missing. */
  readHostFile(name: string): Promise<string | undefined>;
  /** Write a file of the environment's folder on the host, atomically. */
  writeHostFile(name: string, text: string): Promise<void>;
  /** Run `command` once on the host in `release`'s folder with the release's environment; its exit code and the tail of its output. */
  runInRelease(release: string, command: string): Promise<{ readonly code: number; readonly output: string }>;
  /**
   * Copy `entries` (paths relative to the environment's folder on the host) into
   * `backups/<release>/` there; returns the entries that existed.
   */
  backupOnHost(release: string, entries: readonly string[]): Promise<string[]>;
  /** Remove the host's backups of releases not in `kept`. */
  pruneHostBackups(kept: ReadonlySet<string>): Promise<void>;
  /** Turn maintenance mode on (every request through the proxy gets a 503 page with `Retry-After: retryAfter` seconds) or off (undefined). */
  setMaintenance(mode: MaintenanceMode | undefined): Promise<void>;
  /** The maintenance mode as recorded on the host (undefined: off). */
  maintenance(): Promise<MaintenanceMode | undefined>;
  /** Stream the logs of `release`'s instances (the last `lines` lines; with `follow`, until interrupted); resolves to the exit code. */
  streamLogs(release: string, options: { lines: number; follow: boolean }, io: OutputStreams): Promise<number>;
  /** Run `command` once in `release`'s folder on the host with the release's environment; resolves to its exit code. */
  exec(release: string, command: string, io: OutputStreams): Promise<number>;
  /** Where the environment's deploy lock lives: the environment's folder on the host. */
  lockStore(): LockStore;
  /** Release resources held for this run (tunnels). */
  close(): Promise<void>;
}

/** A target that deploys by itself (kubernetes, command): Warden applies, checks and rolls back. */
export interface ManagedTarget extends TargetBase {
  readonly kind: "managed";
  readonly type: "kubernetes" | "command";
  /** The commands or actions `apply` would run, for --dry-run. */
  plan(release: string, commit: string): string[];
  /** What --dry-run shows beyond the plan (kubernetes: the rendered manifests, validated); throws when they are invalid. */
  preview?(release: string, commit: string): Promise<string[]>;
  /** The granted secret values the deployed version receives (kubernetes: a Secret referenced with secretKeyRef; command: not used). */
  useSecrets(values: ReadonlyMap<string, string>): void;
  apply(release: string, commit: string): Promise<void>;
  /** Health of the deployed version; undefined when the HTTP health check should be used. */
  health(release: string): Promise<{ ok: boolean; detail: string } | undefined>;
  /**
   * Put `to` (or the previous version) back; returns what the rollback used (kubernetes: the
   * Deployment revision). `undoLast`: the deploy's own automatic rollback, which undoes the
   * version it just applied (kubernetes: `rollout undo` without a revision).
   */
  rollback(to: string | undefined, options?: { readonly undoLast?: boolean }): Promise<{ readonly revision?: number }>;
}

/** Any deploy target. */
export type Target = InstanceTarget | ManagedTarget;

/**
 * How the proxy of an ssh host comes back after a reboot, as found when Warden last started it:
 * its systemd unit enabled (system manager as root, else the user's; `linger`: whether the
 * user's manager starts at boot), or why not (the fallback: the next deploy or rollback starts it).
 */
export type ProxyBoot =
  | { readonly systemd: true; readonly scope: "system" | "user"; readonly unit: string; readonly at: string; readonly linger?: boolean }
  | { readonly systemd: false; readonly reason: string; readonly unit: string; readonly at: string };
