/**
 * The one module of @warden/deploy that reads environment variables.
 */
import { childEnv, currentEnv } from "@warden/core";
import { BASIC_ENV } from "./supervisor.js";

/** Deploy settings read from the environment. */
export interface DeployEnvSettings {
  /** Test hook: the pipeline stops (and waits to be killed) when it reaches this step. */
  readonly pauseAt: string | undefined;
}

/** Read the deploy settings from `env` (defaults to `process.env`). */
export function readDeployEnv(env: NodeJS.ProcessEnv = process.env): DeployEnvSettings {
  const pause = env.WARDEN_DEPLOY_PAUSE_AT;
  return { pauseAt: pause === undefined || pause === "" ? undefined : pause };
}

/** The environment of a process started by a deploy: ours, minus the test hook, plus `extra`. */
export function deployChildEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env = childEnv(extra);
  delete env.WARDEN_DEPLOY_PAUSE_AT;
  return env;
}

/**
 * The few variables of the deployer's environment a release's processes start with (PATH, HOME,
 * USER, LOGNAME, SHELL, LANG, LANGUAGE, LC_*, TZ, TMPDIR); everything else they get is declared
 * in the target's `env`, granted from the vault, or set by Warden (PORT, WARDEN_*).
 */
export function releaseBaseEnv(env: NodeJS.ProcessEnv = currentEnv()): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && BASIC_ENV.test(key)) kept[key] = value;
  return kept;
}
