/**
 * Day-two commands on an environment's host (local and ssh targets): `warden logs`, `warden exec`
 * and `warden maintenance`. They read the live state and take no lock: they never start, stop or
 * route instances.
 */
import { StringDecoder } from "node:string_decoder";
import { silentLogger, WardenError, type DeployEnvironment, type Logger } from "@warden/core";
import { Masker } from "@warden/vault";
import { grantedSecrets, type Grants } from "./secrets.js";
import type { OutputStreams } from "./shell.js";
import { createTarget } from "./targets/index.js";
import type { InstanceTarget, MaintenanceMode } from "./types.js";

/** What every day-two command needs. */
export interface DayTwoOptions {
  readonly root: string;
  readonly env: string;
  readonly config: DeployEnvironment;
  readonly logger?: Logger;
}

async function withHost<T>(options: DayTwoOptions, command: string, run: (target: InstanceTarget) => Promise<T>): Promise<T> {
  const target = createTarget({ root: options.root, env: options.env, config: options.config, logger: options.logger ?? silentLogger });
  if (target.kind !== "instances") {
    const native = options.config.target.type === "kubernetes" ? "; use kubectl (logs, exec) for a kubernetes target" : "";
    throw new WardenError("USAGE", `warden ${command} works on the local and ssh targets; "${options.env}" deploys to ${options.config.target.type}${native}`);
  }
  try {
    return await run(target);
  } finally {
    await target.close();
  }
}

async function liveRelease(target: InstanceTarget, env: string): Promise<string> {
  const live = (await target.readState()).release;
  if (live === undefined) throw new WardenError("INPUT", `nothing is live in "${env}" yet (deploy with: warden deploy ${env})`);
  return live;
}

/** `warden logs ENV [-f] [--release R] [--lines N]`: the instances' logs of the live release (or R); resolves to the exit code. */
export function logs(options: DayTwoOptions & { readonly release?: string; readonly follow?: boolean; readonly lines?: number; readonly io: OutputStreams }): Promise<number> {
  return withHost(options, "logs", async (target) => {
    const release = options.release ?? (await liveRelease(target, options.env));
    return target.streamLogs(release, { lines: options.lines ?? 100, follow: options.follow === true }, options.io);
  });
}

/** Text output that masks granted values before they reach `out` (held-back bytes written by `flush()`). */
function masked(out: OutputStreams["stdout"], values: ReadonlyMap<string, string>): { stream: OutputStreams["stdout"]; flush: () => void } {
  const masker = new Masker(values);
  const decoder = new StringDecoder("utf8");
  return {
    stream: { write: (chunk: string) => out.write(decoder.write(masker.push(Buffer.from(chunk, "utf8")))) },
    flush: () => {
      out.write(decoder.write(masker.flush()) + decoder.end());
    },
  };
}

/**
 * `warden exec ENV -- CMD`: run CMD once on the host, in the live release's folder, with the
 * release's environment (declared variables, the `deploy:<env>` grant, WARDEN_RELEASE and
 * WARDEN_ENV); its output has the granted values masked. Resolves to CMD's exit code.
 */
export function exec(options: DayTwoOptions & { readonly command: string; readonly grants?: Grants; readonly io: OutputStreams }): Promise<number> {
  return withHost(options, "exec", async (target) => {
    const release = await liveRelease(target, options.env);
    const secrets = grantedSecrets(options.root, options.env, options.grants);
    if (secrets === undefined) return target.exec(release, options.command, options.io);
    target.useSecrets(secrets.values);
    const out = masked(options.io.stdout, secrets.values);
    const err = masked(options.io.stderr, secrets.values);
    try {
      return await target.exec(release, options.command, { stdout: out.stream, stderr: err.stream });
    } finally {
      out.flush();
      err.flush();
    }
  });
}

/** `warden maintenance ENV on|off [--retry-after S]`: the proxy answers every request with a 503 page and Retry-After, or serves again. */
export function maintenance(options: DayTwoOptions & { readonly on: boolean; readonly retryAfter?: number }): Promise<MaintenanceMode | undefined> {
  return withHost(options, "maintenance", async (target) => {
    const mode = options.on ? { retryAfter: options.retryAfter ?? 60, since: new Date().toISOString() } : undefined;
    await target.setMaintenance(mode);
    return mode;
  });
}
