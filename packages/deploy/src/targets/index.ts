import type { Target, TargetContext } from "../types.js";
import commandTarget from "./command.js";
import kubernetesTarget from "./kubernetes.js";
import localTarget from "./local.js";
import sshTarget from "./ssh.js";

/** Build the target module configured for an environment. */
export function createTarget(ctx: TargetContext): Target {
  const target = ctx.config.target;
  switch (target.type) {
    case "local":
      return localTarget(ctx, target);
    case "ssh":
      return sshTarget(ctx, target);
    case "kubernetes":
      return kubernetesTarget(ctx, target);
    case "command":
      return commandTarget(ctx, target);
  }
}
