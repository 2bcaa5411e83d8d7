import path from "node:path";
import type { DeployTarget } from "@warden/core";
import { localHost } from "../hosts/local-host.js";
import { hostTarget } from "../instances.js";
import { verifyRelease } from "../release.js";
import type { InstanceTarget, TargetContext } from "../types.js";

type LocalConfig = Extract<DeployTarget, { type: "local" }>;

/** The folder of one environment on this machine: `.warden/deploy/<env>/`. */
export function localEnvDir(root: string, env: string): string {
  return path.join(root, ".warden", "deploy", env);
}

/**
 * The `local` target: releases under `.warden/deploy/<env>/releases/`, instances as detached
 * processes with pid files and logs, and Warden's reverse proxy on 127.0.0.1 in front of them.
 */
export default function localTarget(ctx: TargetContext, target: LocalConfig): InstanceTarget {
  const dir = localEnvDir(ctx.root, ctx.env);
  return hostTarget(ctx, localHost(), {
    type: "local",
    dir,
    outgoing: path.join(dir, "outgoing"),
    app: target.app,
    start: target.start,
    env: target.env,
    port: target.port,
    stopTimeoutMs: target.stopTimeoutMs,
    proxy: target.proxy,
    verify: async (releaseDir) => verifyRelease(releaseDir),
    describe: path.relative(ctx.root, dir),
  });
}
