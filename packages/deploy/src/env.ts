/**
 * The one module of @warden/deploy that reads environment variables.
 */
import { childEnv } from "@warden/core";

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
