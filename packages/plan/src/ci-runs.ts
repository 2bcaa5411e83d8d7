import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DeployEventSchema, WardenError, type DeployEvent } from "@warden/core";
import { CI_EVENTS_FILE, EVENTS_DIR } from "./events.js";

/** What `warden ci run` / `warden ci record` records of one CI run. */
export interface CiRunInput {
  /** The run's name (a job or step: `test`, `build`). */
  readonly name: string;
  readonly status: "success" | "failure";
  readonly durationMs: number;
  /** The test suite's run: its duration is the test execution time. */
  readonly test: boolean;
  /** The commit the run tested ("" when unknown). */
  readonly commit: string;
  /** The CI system's id of the run (GITHUB_RUN_ID…), else a fresh one. */
  readonly runId?: string;
  /** When it finished (default: now). */
  readonly at?: Date;
  /** The command's exit code, when Warden ran it. */
  readonly exitCode?: number;
}

const NAME = /^[A-Za-z0-9][\w.:/-]{0,99}$/;

/** Throw a usage error unless `name` is a CI run name: letters, digits and . _ : / -, at most 100. */
export function checkCiRunName(name: string): void {
  if (!NAME.test(name)) throw new WardenError("USAGE", `--name ${name.slice(0, 40)}: letters, digits and . _ : / - (at most 100)`);
}

/**
 * Append a `ci_run` event to `.warden/events/ci.jsonl` (one JSON line, like every event). Only the
 * name, status, duration, commit and exit code are recorded — never the command line, which may
 * hold secrets.
 */
export function appendCiRun(root: string, input: CiRunInput): DeployEvent {
  checkCiRunName(input.name);
  if (!Number.isFinite(input.durationMs) || input.durationMs < 0) throw new WardenError("USAGE", "--duration-ms: a number of milliseconds ≥ 0");
  const event = DeployEventSchema.parse({
    id: randomUUID(),
    at: (input.at ?? new Date()).toISOString(),
    env: "ci",
    release: input.runId !== undefined && input.runId !== "" ? input.runId.slice(0, 100) : `run-${randomUUID().slice(0, 8)}`,
    commit: input.commit,
    type: "ci_run",
    durationMs: Math.round(input.durationMs),
    detail: { name: input.name, status: input.status, test: input.test, ...(input.exitCode === undefined ? {} : { exitCode: input.exitCode }) },
  });
  mkdirSync(path.join(root, EVENTS_DIR), { recursive: true });
  appendFileSync(path.join(root, EVENTS_DIR, CI_EVENTS_FILE), `${JSON.stringify(event)}\n`);
  return event;
}
