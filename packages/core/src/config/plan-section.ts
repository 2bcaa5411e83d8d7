import { z } from "zod";

/** Settings of `warden monitor`: extra paths to probe and the latency standard they are held to. */
const MonitorSettingsSchema = z
  .object({
    paths: z
      .array(z.string().startsWith("/", "a path on the environment's address, starting with /"))
      .default([])
      .describe("Paths probed on top of the health path and the discovered GET endpoints without parameters."),
    latencyTargetMs: z.number().int().positive().default(200).describe("The API response standard: p95 latency under this many milliseconds."),
  })
  .strict()
  .default({ paths: [], latencyTargetMs: 200 });

/** Settings of the system plan (`warden plan`, `warden monitor`). */
export const PlanSchema = z
  .object({
    out: z.string().min(1).default("docs/system-plan.md").describe("Where `warden plan` writes the plan (repository-relative)."),
    updateOnDeploy: z.boolean().default(false).describe("`warden deploy` regenerates the plan after each deploy (succeeded, failed or rolled back)."),
    history: z.number().int().min(1).max(100).default(10).describe("Deploys shown per environment in the deploy history."),
    endpoints: z
      .object({
        exclude: z.array(z.string().min(1)).default([]).describe("Globs of files left out of endpoint discovery (tests, fixtures and build output are always left out)."),
      })
      .strict()
      .default({ exclude: [] }),
    monitor: MonitorSettingsSchema,
  })
  .strict()
  .default({ out: "docs/system-plan.md", updateOnDeploy: false, history: 10, endpoints: { exclude: [] }, monitor: { paths: [], latencyTargetMs: 200 } });

/** The validated `plan` section. */
export type PlanSettings = z.output<typeof PlanSchema>;
