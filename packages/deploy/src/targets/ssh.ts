import { homedir } from "node:os";
import path from "node:path";
import type { DeployTarget } from "@warden/core";
import { sshHost } from "../hosts/ssh-host.js";
import { hostTarget } from "../instances.js";
import type { InstanceTarget, TargetContext } from "../types.js";
import { localEnvDir } from "./local.js";

type SshConfig = Extract<DeployTarget, { type: "ssh" }>;

function localPath(root: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return file.startsWith("~/") ? path.join(homedir(), file.slice(2)) : path.resolve(root, file);
}

/**
 * The `ssh` target: the layout of the local target under `<path>/<env>/` on a remote host,
 * releases uploaded with rsync, instances and the proxy started over ssh, health checks through
 * ssh port forwards.
 */
export default function sshTarget(ctx: TargetContext, target: SshConfig): InstanceTarget {
  const host = sshHost({
    host: target.host,
    user: target.user,
    sshPort: target.sshPort,
    identityFile: localPath(ctx.root, target.identityFile),
    knownHostsFile: localPath(ctx.root, target.knownHostsFile),
    node: target.node,
  });
  const dir = `${target.path.replace(/\/+$/, "")}/${ctx.env}`;
  return hostTarget(ctx, host, {
    type: "ssh",
    dir,
    outgoing: path.join(localEnvDir(ctx.root, ctx.env), "outgoing"),
    app: target.app,
    start: target.start,
    env: target.env,
    port: target.port,
    stopTimeoutMs: target.stopTimeoutMs,
    proxy: target.proxy,
    verify: undefined,
    describe: `${host.name}:${dir}`,
  });
}
