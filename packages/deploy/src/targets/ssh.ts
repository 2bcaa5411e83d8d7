import { homedir } from "node:os";
import path from "node:path";
import { WardenError, type DeployTarget } from "@warden/core";
import { sshHost } from "../hosts/ssh-host.js";
import { hostTarget } from "../instances.js";
import type { InstanceTarget, TargetContext } from "../types.js";
import { localEnvDir } from "./local.js";

type SshConfig = Extract<DeployTarget, { type: "ssh" }>;
type SshHostConfig = NonNullable<SshConfig["hosts"]>[number];

function localPath(root: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return file.startsWith("~/") ? path.join(homedir(), file.slice(2)) : path.resolve(root, file);
}

/**
 * One role on one host of an ssh environment: its own target (folder, instances, lock, state).
 * The web role lives in `<path>/<env>/` behind the host's proxy; another role (a worker) in
 * `<path>/<env>/roles/<role>/`, without proxy.
 */
export interface HostUnit {
  /** The host as named in events and status: its name, with `:<sshPort>` when that is not 22. */
  readonly host: string;
  readonly role: string;
  readonly web: boolean;
  readonly target: InstanceTarget;
  readonly instances: number;
  /** A worker role's health command (undefined: process liveness). */
  readonly healthCommand: string | undefined;
}

/** The hosts an ssh target lists (one, from `host`, when `hosts` is not set). */
export function sshHosts(target: SshConfig): SshHostConfig[] {
  if (target.hosts !== undefined) return target.hosts;
  if (target.host === undefined) throw new WardenError("INPUT", "the ssh target needs `host` or `hosts`");
  return [{ host: target.host, roles: ["web"] }];
}

function unitTarget(ctx: TargetContext, target: SshConfig, entry: SshHostConfig, role: string, outgoing: string): InstanceTarget {
  const host = sshHost({
    host: entry.host,
    user: entry.user ?? target.user,
    sshPort: entry.sshPort ?? target.sshPort,
    identityFile: localPath(ctx.root, entry.identityFile ?? target.identityFile),
    knownHostsFile: localPath(ctx.root, entry.knownHostsFile ?? target.knownHostsFile),
    node: target.node,
  });
  const base = `${(entry.path ?? target.path).replace(/\/+$/, "")}/${ctx.env}`;
  const web = role === "web";
  const dir = web ? base : `${base}/roles/${role}`;
  const worker = web ? undefined : target.roles[role];
  if (!web && worker === undefined) throw new WardenError("INPUT", `role "${role}" of host ${entry.host} is not defined in roles`);
  return hostTarget(ctx, host, {
    type: "ssh",
    dir,
    outgoing,
    app: target.app,
    start: worker?.start ?? target.start,
    env: target.env,
    port: entry.port ?? target.port,
    stopTimeoutMs: target.stopTimeoutMs,
    proxy: target.proxy,
    verify: undefined,
    describe: `${host.name}:${dir}`,
    proxied: web,
  });
}

/**
 * The `ssh` target: the layout of the local target under `<path>/<env>/` on a remote host,
 * releases uploaded with rsync, instances and the proxy started over ssh, health checks through
 * ssh port forwards. With several hosts this is the first web host's target (releases, status,
 * day-two commands); the deploy works on every {@link hostUnits} entry.
 */
export default function sshTarget(ctx: TargetContext, target: SshConfig): InstanceTarget {
  const hosts = sshHosts(target);
  const first = hosts.find((h) => h.roles.includes("web")) ?? hosts[0];
  if (first === undefined) throw new WardenError("INPUT", "the ssh target lists no host");
  return unitTarget(ctx, target, first, "web", path.join(localEnvDir(ctx.root, ctx.env), "outgoing"));
}

/**
 * Every role on every host of an ssh environment, in the order of `hosts` (roles in the order
 * listed): web units first within a host. Each has its own outgoing folder, so uploads run in parallel.
 */
export function hostUnits(ctx: TargetContext, target: SshConfig): HostUnit[] {
  const hosts = sshHosts(target);
  const units: HostUnit[] = [];
  hosts.forEach((entry, i) => {
    const port = entry.sshPort ?? target.sshPort;
    const label = port === 22 ? entry.host : `${entry.host}:${port}`;
    const roles = [...entry.roles].sort((a, b) => Number(b === "web") - Number(a === "web"));
    for (const role of new Set(roles)) {
      const outgoing = path.join(localEnvDir(ctx.root, ctx.env), "outgoing", `${i}-${role}`);
      const worker = role === "web" ? undefined : target.roles[role];
      units.push({
        host: label,
        role,
        web: role === "web",
        target: unitTarget(ctx, target, entry, role, outgoing),
        instances: worker?.instances ?? target.instances,
        healthCommand: worker?.health,
      });
    }
  });
  return units;
}
