import { createLogger, currentEnv, didYouMean, loadConfig, repoRoot, WardenError, type DeployEnvironment, type DeployEvent, type DeployStrategy, type Logger, type WardenConfig } from "@warden/core";
import type { Io } from "../io.js";

/** Options of `warden deploy`. */
export interface DeployCommandOptions {
  readonly strategy?: DeployStrategy["type"];
  readonly dryRun?: boolean;
  readonly allowDirty?: boolean;
  readonly forceUnlock?: boolean;
  readonly config?: string;
  readonly json?: boolean;
}

/** The argv prefix that runs this very CLI (for the `warden check`/`warden scan` gates). */
function selfCommand(): string[] | undefined {
  const script = process.argv[1];
  return script === undefined || !/warden(\.js)?$/.test(script) ? undefined : [process.execPath, script];
}

async function environment(io: Io, env: string | undefined, configFile: string | undefined): Promise<{ root: string; name: string; config: DeployEnvironment; all: WardenConfig }> {
  const root = await repoRoot(io.cwd);
  const { config, file } = await loadConfig(root, configFile);
  const envs = config.deploy.environments;
  const names = Object.keys(envs);
  const name = env ?? config.deploy.default ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined) {
    if (names.length === 0) {
      throw new WardenError("USAGE", `no deploy environments configured in ${file ?? "warden.config.ts"}; add deploy.environments (see docs/deploy/README.md)`);
    }
    throw new WardenError("USAGE", `name the environment to deploy (${names.join(", ")}), or set deploy.default`);
  }
  const chosen = envs[name];
  if (chosen === undefined) {
    const guess = didYouMean(name, names);
    throw new WardenError(
      "USAGE",
      `unknown environment "${name}"${guess === undefined ? "" : ` — did you mean "${guess}"?`} (configured: ${names.join(", ") || "none"})`,
    );
  }
  return { root, name, config: chosen, all: config };
}

/**
 * With `github.deployments` on, the listener that mirrors the deploy's events as a GitHub
 * deployment and its statuses (docs/guides/github.md); undefined when off, or when the GitHub
 * environment (GITHUB_TOKEN, GITHUB_REPOSITORY) is missing, which is a warning, not an error.
 */
async function githubDeployments(config: WardenConfig, env: string, logger: Logger): Promise<{ onEvent: (event: DeployEvent) => void; flush: () => Promise<void> } | undefined> {
  if (!config.github.deployments) return undefined;
  const vars = currentEnv();
  const [owner, repo] = (vars.GITHUB_REPOSITORY ?? "").split("/");
  const token = vars.GITHUB_TOKEN;
  if (owner === undefined || owner === "" || repo === undefined || repo === "" || token === undefined || token === "") {
    logger.warn("github.deployments is on but GITHUB_TOKEN or GITHUB_REPOSITORY is not set: no deployment is recorded on GitHub");
    return undefined;
  }
  const { DeploymentReporter } = await import("@warden/github");
  const settings = config.github.environments[env];
  const server = (vars.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const interval = vars.WARDEN_GITHUB_WRITE_INTERVAL_MS;
  const reporter = new DeploymentReporter({
    token,
    apiUrl: vars.GITHUB_API_URL ?? "https://api.github.com",
    owner,
    repo,
    environment: settings?.name ?? env,
    ...(settings?.url === undefined ? {} : { environmentUrl: settings.url }),
    ...(settings?.production === undefined ? {} : { production: settings.production }),
    ...(vars.GITHUB_RUN_ID === undefined ? {} : { logUrl: `${server}/${owner}/${repo}/actions/runs/${vars.GITHUB_RUN_ID}` }),
    userAgent: "warden",
    logger,
    ...(interval !== undefined && /^\d+$/.test(interval) ? { writeIntervalMs: Number(interval) } : {}),
  });
  return { onEvent: (event) => reporter.onEvent(event), flush: () => reporter.flush() };
}

function refusal(io: Io, error: unknown): number | undefined {
  if (error instanceof Error && error.name === "DeployRefusedError") {
    io.stderr.write(`warden: ${error.message}\n`);
    return 1;
  }
  return undefined;
}

/** `warden deploy [env]`: run the pipeline; 0 succeeded, 1 failed or rolled back (or refused), 2 bad input. */
export async function deployCommand(io: Io, env: string | undefined, options: DeployCommandOptions): Promise<number> {
  const { root, name, config, all } = await environment(io, env, options.config);
  const { deploy } = await import("@warden/deploy");
  const logger = createLogger({ stream: io.stderr, prefix: "warden deploy" });
  const self = selfCommand();
  const github = options.dryRun === true ? undefined : await githubDeployments(all, name, logger);
  let result;
  try {
    result = await deploy({
      root,
      env: name,
      config,
      logger,
      grants: all.secrets.grants,
      ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
      ...(options.dryRun === true ? { dryRun: true } : {}),
      ...(options.allowDirty === true ? { allowDirty: true } : {}),
      ...(options.forceUnlock === true ? { forceUnlock: true } : {}),
      ...(self === undefined ? {} : { warden: self }),
      ...(github === undefined ? {} : { onEvent: github.onEvent }),
    });
  } catch (error) {
    const code = refusal(io, error);
    if (code !== undefined) return code;
    throw error;
  } finally {
    await github?.flush();
  }
  if (result.outcome !== "planned") await (await import("./plan.js")).refreshPlanAfterDeploy(io, root, all);
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (result.outcome === "planned") {
    io.stdout.write(`${result.plan.join("\n")}\n`);
  } else {
    for (const note of result.repaired) io.stderr.write(`warden deploy: repaired: ${note}\n`);
    if (result.outcome === "succeeded") {
      io.stdout.write(`deployed ${result.release} to ${name}${result.url === undefined ? "" : `, serving at ${result.url}`}\n`);
    } else if (result.outcome === "rolled_back") {
      io.stdout.write(`deploy of ${result.release} to ${name} rolled back at step ${result.step}: ${result.error}\nthe previous release keeps serving\n`);
    } else {
      io.stdout.write(`deploy of ${result.release} to ${name} failed at step ${result.step}: ${result.error}\nnothing changed on the target\n`);
    }
  }
  return result.outcome === "succeeded" || result.outcome === "planned" ? 0 : 1;
}

/** `warden rollback <env> [--to RELEASE]`: put a previous release back. */
export async function rollbackCommand(io: Io, env: string, options: { to?: string; config?: string; forceUnlock?: boolean }): Promise<number> {
  const { root, name, config, all } = await environment(io, env, options.config);
  const { rollback } = await import("@warden/deploy");
  const logger = createLogger({ stream: io.stderr, prefix: "warden rollback" });
  const github = await githubDeployments(all, name, logger);
  try {
    const result = await rollback({
      root,
      env: name,
      config,
      grants: all.secrets.grants,
      logger,
      ...(github === undefined ? {} : { onEvent: github.onEvent }),
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.forceUnlock === true ? { forceUnlock: true } : {}),
    });
    if (result.outcome === "rolled_back") {
      io.stdout.write(`rolled ${name} back to ${result.release}${result.url === undefined ? "" : `, serving at ${result.url}`}\n`);
      return 0;
    }
    io.stdout.write(`rollback of ${name} to ${result.release} failed: ${result.error}\nthe live release keeps serving\n`);
    return 1;
  } catch (error) {
    const code = refusal(io, error);
    if (code !== undefined) return code;
    throw error;
  } finally {
    await github?.flush();
  }
}

/** Print `value` as indented JSON and return `code`. */
function printJson(io: Io, value: unknown, code: number): number {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return code;
}

/** `warden releases <env>`: the releases on the target, the live one marked. */
export async function releasesCommand(io: Io, env: string, options: { config?: string; json?: boolean }): Promise<number> {
  const { root, name, config } = await environment(io, env, options.config);
  const { listReleases } = await import("@warden/deploy");
  const releases = await listReleases({ root, env: name, config });
  if (options.json === true) return printJson(io, releases, 0);
  if (releases.length === 0) {
    io.stdout.write(`no releases of ${name} yet (deploy with: warden deploy ${name})\n`);
    return 0;
  }
  for (const r of [...releases].reverse()) {
    const dirty = r.dirty === undefined ? "" : `  (dirty: ${r.dirty} uncommitted change(s) beyond the commit)`;
    io.stdout.write(`${r.live ? "*" : " "} ${r.release}  commit ${r.commit.slice(0, 10) || "-"}  made ${r.createdAt}${r.live ? "  (live)" : ""}${dirty}\n`);
  }
  return 0;
}

/** `warden status <env>`: live release, its instances and their health, proxy, lock, last events; 0 all up, 1 something is down. */
export async function statusCommand(io: Io, env: string, options: { config?: string; json?: boolean }): Promise<number> {
  const { status } = await import("@warden/deploy");
  const { root, name, config } = await environment(io, env, options.config);
  const report = await status({ root, env: name, config, logger: createLogger({ stream: io.stderr, prefix: "warden status" }) });
  if (options.json === true) {
    return printJson(io, report, report.ok ? 0 : 1);
  }
  const lines = [`${name} (${report.target})`, `  live      ${report.live ?? "none"}`];
  for (const i of report.instances) lines.push(`  instance  ${i.release}#${i.index}  pid ${i.pid}  port ${i.port}  ${i.healthy ? "healthy" : "DOWN"} (${i.detail})`);
  if (report.proxy !== undefined) {
    lines.push(
      report.proxy === null
        ? "  proxy     NOT RUNNING (the next deploy or rollback starts it)"
        : `  proxy     pid ${report.proxy.pid}  127.0.0.1:${report.proxy.port}  ${report.proxy.supervised ? "supervised" : "unsupervised"}${report.proxy.restarts > 0 ? `  restarted ${report.proxy.restarts} time(s) after a crash, last at ${report.proxy.startedAt ?? "?"}` : ""}`,
    );
  }
  const lock = report.lock;
  lines.push(lock === null ? "  lock      free" : `  lock      held by ${lock.user === undefined ? "" : `${lock.user} on `}${lock.host}, pid ${lock.pid}, release ${lock.release}${lock.step === undefined ? "" : `, at step ${lock.step}`}, for ${lock.age}`);
  const bootText = (b: NonNullable<NonNullable<typeof report.proxy>["boot"]>): string =>
    b.systemd ? `systemd ${b.scope} unit enabled${b.linger === false ? " (user lingering off: loginctl enable-linger)" : ""}` : `no systemd (${b.reason}); the next deploy or rollback starts the proxy`;
  const boot = (b: NonNullable<typeof report.proxy>["boot"]): string => (b === undefined ? "" : `  at boot: ${bootText(b)}`);
  if (report.hosts === undefined && report.proxy?.boot !== undefined) lines.push(`  boot      ${bootText(report.proxy.boot)}`);
  for (const h of report.hosts ?? []) {
    const p = h.proxy === undefined ? "no proxy" : h.proxy === null ? "proxy NOT RUNNING" : `proxy pid ${h.proxy.pid} 127.0.0.1:${h.proxy.port}${boot(h.proxy.boot)}`;
    const l = h.lock === null ? "lock free" : `lock held by ${h.lock.host}, pid ${h.lock.pid}${h.lock.step === undefined ? "" : `, at step ${h.lock.step}`}`;
    lines.push(`  host      ${h.host} (${h.role})  live ${h.live ?? "none"}  ${h.instances.filter((i) => i.healthy).length}/${h.instances.length} instance(s) healthy  ${p}  ${l}${h.ok ? "" : "  DOWN"}`);
  }
  if (report.maintenance !== undefined && report.maintenance !== null) lines.push(`  maint.    ON since ${report.maintenance.since} (503, Retry-After: ${report.maintenance.retryAfter}); warden maintenance ${name} off`);
  for (const e of report.lastEvents) lines.push(`  event     ${e.at}  ${e.type}${e.step === undefined ? "" : ` (${e.step})`}  ${e.release}`);
  io.stdout.write(`${lines.join("\n")}\n`);
  return report.ok ? 0 : 1;
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new WardenError("USAGE", `${flag} takes a positive whole number, not "${value}"`);
  return n;
}

/** `warden logs <env> [-f] [--release R] [-n N]`: the instances' logs from the host; the exit code of tail. */
export async function logsCommand(io: Io, env: string, options: { follow?: boolean; release?: string; lines: string; host?: string; config?: string }): Promise<number> {
  const { root, name, config } = await environment(io, env, options.config);
  const lines = positiveInteger(options.lines, "--lines");
  const { logs } = await import("@warden/deploy");
  return logs({
    root,
    env: name,
    config,
    lines,
    follow: options.follow === true,
    ...(options.release === undefined ? {} : { release: options.release }),
    ...(options.host === undefined ? {} : { host: options.host }),
    io: { stdout: io.stdout, stderr: io.stderr },
  });
}

/** `warden exec <env> -- CMD…`: CMD once in the live release on its host, with the release's environment; CMD's exit code. */
export async function execCommand(io: Io, env: string, command: readonly string[], options: { host?: string; all?: boolean; config?: string }): Promise<number> {
  if (command.length === 0) throw new WardenError("USAGE", "name the command to run: warden exec ENV -- CMD [ARGS…]");
  const { root, name, config, all } = await environment(io, env, options.config);
  const { exec } = await import("@warden/deploy");
  const line = command.length === 1 ? (command[0] ?? "") : command.map(quoteArg).join(" ");
  return exec({
    root,
    env: name,
    config,
    command: line,
    grants: all.secrets.grants,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.all === true ? { all: true } : {}),
    io: { stdout: io.stdout, stderr: io.stderr },
    logger: createLogger({ stream: io.stderr, prefix: "warden exec" }),
  });
}

/** `warden maintenance <env> on|off [--retry-after S]`. */
export async function maintenanceCommand(io: Io, env: string, mode: "on" | "off", options: { retryAfter: string; host?: string; config?: string }): Promise<number> {
  const { root, name, config } = await environment(io, env, options.config);
  const retryAfter = positiveInteger(options.retryAfter, "--retry-after");
  const { maintenance } = await import("@warden/deploy");
  const set = await maintenance({ root, env: name, config, on: mode === "on", retryAfter, ...(options.host === undefined ? {} : { host: options.host }) });
  const where = options.host === undefined ? name : `${name} on ${options.host}`;
  io.stdout.write(set === undefined ? `maintenance mode of ${where} is off: the proxy serves the live release again\n` : `maintenance mode of ${where} is on: every request gets 503 with Retry-After: ${set.retryAfter}\n`);
  return 0;
}
