import type { DeployTarget } from "@warden/core";
import { StepFailedError } from "../errors.js";
import { localRecords } from "../records.js";
import { lastLine, runShell } from "../shell.js";
import { localEnvDir } from "./local.js";
import type { ManagedTarget, TargetContext } from "../types.js";

type CommandConfig = Extract<DeployTarget, { type: "command" }>;

/**
 * The `command` target: user-given shell commands deploy, check and roll back (any hosting
 * CLI). Each runs at the repository root with WARDEN_ENV, WARDEN_RELEASE and WARDEN_COMMIT set.
 */
export default function commandTarget(ctx: TargetContext, target: CommandConfig): ManagedTarget {
  const run = async (step: string, command: string, extra: Record<string, string>): Promise<string> => {
    const result = await runShell(command, { cwd: ctx.root, env: { ...target.env, WARDEN_ENV: ctx.env, ...extra } });
    if (result.code !== 0) throw new StepFailedError(step, `\`${command}\` exited ${result.code}: ${lastLine(result.output)}`);
    return lastLine(result.output);
  };
  return {
    kind: "managed",
    type: "command",
    describe: () => `command \`${target.deploy}\``,
    ...localRecords(localEnvDir(ctx.root, ctx.env), ctx),
    // the command target hands no secrets to its commands (they run on this machine with its environment)
    useSecrets: () => undefined,
    plan: () => [target.deploy],
    apply: async (release, commit) => {
      await run("switch", target.deploy, { WARDEN_RELEASE: release, WARDEN_COMMIT: commit });
    },
    health: async (release) => {
      if (target.health === undefined) return undefined;
      const result = await runShell(target.health, { cwd: ctx.root, env: { ...target.env, WARDEN_ENV: ctx.env, WARDEN_RELEASE: release } });
      return { ok: result.code === 0, detail: result.code === 0 ? `\`${target.health}\` passed` : `\`${target.health}\` exited ${result.code}: ${lastLine(result.output)}` };
    },
    rollback: async (to) => {
      await run("rollback", target.rollback, { WARDEN_ROLLBACK_TO: to ?? "" });
      return {};
    },
  };
}
