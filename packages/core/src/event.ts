import { z } from "zod";

/**
 * The kinds of deployment events, in pipeline order, then the events recorded around deployments:
 * incidents (`warden incident`), probe results (`warden monitor`, with latency percentiles per path)
 * and CI runs (`warden ci run` / `warden ci record`, in `.warden/events/ci.jsonl`).
 */
export const DeployEventTypeSchema = z.enum([
  "started",
  "locked",
  "preflight",
  "built",
  "backup",
  "released",
  "migrated",
  "launched",
  "health",
  "canary",
  "switched",
  "smoke",
  "stopped_old",
  "pruned",
  "succeeded",
  "failed",
  "rolled_back",
  "unlocked",
  "incident_opened",
  "incident_resolved",
  "monitor",
  "ci_run",
]);
export type DeployEventType = z.infer<typeof DeployEventTypeSchema>;

/** The zod schema of one line of `.warden/events/<env>.jsonl`: what happened to a deployment and when. */
export const DeployEventSchema = z
  .object({
    id: z.string().min(1),
    at: z.string().datetime({ offset: false }).describe("ISO-8601 UTC timestamp."),
    env: z.string().min(1),
    release: z.string().min(1),
    commit: z.string(),
    type: DeployEventTypeSchema,
    step: z.string().optional(),
    host: z.string().min(1).optional().describe("The host a step ran on, for an environment with several hosts."),
    durationMs: z.number().nonnegative().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** One deployment event. */
export type DeployEvent = z.infer<typeof DeployEventSchema>;
