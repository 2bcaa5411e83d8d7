/**
 * Day-two commands on an environment's host (local and ssh targets): `warden logs`, `warden exec`
 * and `warden maintenance`. They read the live state and take no lock: they never start, stop or
 * route instances. With several hosts (the ssh target's `hosts`): `--host NAME` picks one host;
 * without it logs and maintenance act on every web host (log lines prefixed with the host), exec
 * runs on the first web host (every web host with `all`).
 */
import { StringDecoder } from "node:string_decoder";
import { silentLogger, WardenError, type DeployEnvironment, type Logger } from "@warden/core";
import { Masker } from "@warden/vault";
import { grantedSecrets, type Grants } from "./secrets.js";
import type { OutputStreams } from "./shell.js";
import { createTarget } from "./targets/index.js";
import { hostUnits, type HostUnit } from "./targets/ssh.js";
import type { InstanceTarget, MaintenanceMode } from "./types.js";

/** What every day-two command needs. */
export interface DayTwoOptions {
  readonly root: string;
  readonly env: string;
  readonly config: DeployEnvironment;
  readonly logger?: Logger;
  /** With several hosts: act on this host only (its name as listed in `hosts`, or `name:sshPort` as events show it). */
  readonly host?: string;
}

/** One host (one role) a day-two command acts on; `label` is undefined with a single host. */
interface Place {
  readonly label: string | undefined;
  readonly target: InstanceTarget;
  /** Whether it serves behind a proxy (false: a worker role). */
  readonly web: boolean;
}

/**
 * The places a command acts on: the one target; with several hosts the units of `options.host`
 * (web first; `webOnly`: its web role), or by default every web unit (`first`: the first only).
 */
function placesOf(options: DayTwoOptions, command: string, pick: "all-web" | "first-web"): { places: Place[]; close: () => Promise<void> } {
  const { config, env } = options;
  const ctx = { root: options.root, env, config, logger: options.logger ?? silentLogger };
  if (config.target.type === "ssh" && config.target.hosts !== undefined) {
    const units = hostUnits(ctx, config.target);
    const close = async (): Promise<void> => {
      await Promise.all(units.map((unit) => unit.target.close()));
    };
    let chosen: HostUnit[];
    if (options.host !== undefined) {
      const wanted = options.host;
      const names = [...new Set(units.map((u) => u.host))];
      // the name as events show it (`name:sshPort` when that is not 22), or the bare name when one host has it
      const byName = names.filter((n) => n.replace(/:\d+$/, "") === wanted);
      const label = names.includes(wanted) ? wanted : byName.length === 1 ? byName[0] : undefined;
      if (label === undefined) {
        const why = byName.length > 1 ? `several hosts are named ${wanted}; name one with its ssh port: ${byName.join(", ")}` : `"${env}" has no such host; its hosts: ${names.join(", ")}`;
        throw new WardenError("USAGE", `warden ${command} --host ${wanted}: ${why}`);
      }
      chosen = units.filter((u) => u.host === label);
      // a host with a web role: that role (its logs, its proxy); a worker-only host: its roles
      if (chosen.some((u) => u.web)) chosen = chosen.filter((u) => u.web);
    } else {
      chosen = units.filter((u) => u.web);
      if (pick === "first-web") chosen = chosen.slice(0, 1);
    }
    return { places: chosen.map((u) => ({ label: u.web ? u.host : `${u.host} ${u.role}`, target: u.target, web: u.web })), close };
  }
  if (options.host !== undefined) throw new WardenError("USAGE", `warden ${command} --host: "${env}" lists no hosts (the ssh target's \`hosts\`); drop --host`);
  const target = createTarget(ctx);
  if (target.kind !== "instances") {
    const native = config.target.type === "kubernetes" ? "; use kubectl (logs, exec) for a kubernetes target" : "";
    throw new WardenError("USAGE", `warden ${command} works on the local and ssh targets; "${env}" deploys to ${config.target.type}${native}`);
  }
  return { places: [{ label: undefined, target, web: true }], close: () => target.close() };
}

async function onPlaces<T>(options: DayTwoOptions, command: string, pick: "all-web" | "first-web", run: (places: Place[]) => Promise<T>): Promise<T> {
  const { places, close } = placesOf(options, command, pick);
  try {
    return await run(places);
  } finally {
    await close();
  }
}

/** Output whose every line starts with `[label] ` (a partial line is held until its end arrives). */
function prefixed(out: OutputStreams["stdout"], label: string | undefined): { stream: OutputStreams["stdout"]; flush: () => void } {
  if (label === undefined) return { stream: out, flush: () => undefined };
  let held = "";
  return {
    stream: {
      write: (chunk: string) => {
        const lines = (held + chunk).split("\n");
        held = lines.pop() ?? "";
        if (lines.length > 0) out.write(lines.map((l) => `[${label}] ${l}\n`).join(""));
      },
    },
    flush: () => {
      if (held !== "") out.write(`[${label}] ${held}\n`);
      held = "";
    },
  };
}

/** `io` with both streams prefixed by `label`; `flush()` writes held partial lines. */
function labelled(io: OutputStreams, label: string | undefined): { io: OutputStreams; flush: () => void } {
  const out = prefixed(io.stdout, label);
  const err = prefixed(io.stderr, label);
  return {
    io: { stdout: out.stream, stderr: err.stream },
    flush: () => {
      out.flush();
      err.flush();
    },
  };
}

/** The first non-zero exit code of `codes` (0 when all are 0). */
const worst = (codes: readonly number[]): number => codes.find((c) => c !== 0) ?? 0;

async function liveRelease(target: InstanceTarget, env: string): Promise<string> {
  const live = (await target.readState()).release;
  if (live === undefined) throw new WardenError("INPUT", `nothing is live in "${env}" yet (deploy with: warden deploy ${env})`);
  return live;
}

/**
 * `warden logs ENV [-f] [--release R] [--lines N] [--host NAME]`: the instances' logs of the live
 * release (or R); with several hosts every web host's (or NAME's), each line prefixed with
 * `[host]`, followed at once with `-f`. Resolves to the first non-zero exit code of tail.
 */
export function logs(options: DayTwoOptions & { readonly release?: string; readonly follow?: boolean; readonly lines?: number; readonly io: OutputStreams }): Promise<number> {
  return onPlaces(options, "logs", "all-web", async (places) => {
    const codes = await Promise.all(
      places.map(async (place) => {
        const release = options.release ?? (await liveRelease(place.target, options.env));
        const out = labelled(options.io, place.label);
        try {
          return await place.target.streamLogs(release, { lines: options.lines ?? 100, follow: options.follow === true }, out.io);
        } finally {
          out.flush();
        }
      }),
    );
    return worst(codes);
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
 * WARDEN_ENV); its output has the granted values masked. Resolves to CMD's exit code. With
 * several hosts: on the first web host (one run of a one-off task), on NAME with `host`, on every
 * web host one after the other with `all` (output prefixed with `[host]`; the first non-zero code).
 */
export function exec(options: DayTwoOptions & { readonly command: string; readonly grants?: Grants; readonly all?: boolean; readonly io: OutputStreams }): Promise<number> {
  if (options.all === true && options.host !== undefined) throw new WardenError("USAGE", "warden exec: --all and --host exclude each other");
  return onPlaces(options, "exec", options.all === true ? "all-web" : "first-web", async (places) => {
    const secrets = grantedSecrets(options.root, options.env, options.grants);
    const codes: number[] = [];
    for (const place of places) {
      const release = await liveRelease(place.target, options.env);
      const tagged = labelled(options.io, places.length > 1 || options.host !== undefined ? place.label : undefined);
      try {
        if (secrets === undefined) {
          codes.push(await place.target.exec(release, options.command, tagged.io));
          continue;
        }
        place.target.useSecrets(secrets.values);
        const out = masked(tagged.io.stdout, secrets.values);
        const err = masked(tagged.io.stderr, secrets.values);
        try {
          codes.push(await place.target.exec(release, options.command, { stdout: out.stream, stderr: err.stream }));
        } finally {
          out.flush();
          err.flush();
        }
      } finally {
        tagged.flush();
      }
    }
    return worst(codes);
  });
}

/**
 * `warden maintenance ENV on|off [--retry-after S] [--host NAME]`: the proxy answers every request
 * with a 503 page and Retry-After, or serves again; with several hosts every web host's proxy (or NAME's).
 */
export function maintenance(options: DayTwoOptions & { readonly on: boolean; readonly retryAfter?: number }): Promise<MaintenanceMode | undefined> {
  return onPlaces(options, "maintenance", "all-web", async (places) => {
    const workers = places.filter((p) => !p.web);
    if (workers.length > 0) throw new WardenError("USAGE", `warden maintenance --host ${options.host ?? ""}: ${workers.map((p) => p.label).join(", ")} has no web role, so no proxy to answer 503`);
    const mode = options.on ? { retryAfter: options.retryAfter ?? 60, since: new Date().toISOString() } : undefined;
    for (const place of places) await place.target.setMaintenance(mode);
    return mode;
  });
}
