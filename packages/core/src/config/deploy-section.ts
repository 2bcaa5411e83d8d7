import { z } from "zod";

/** Settings of the deploy driver (`warden deploy`): environments and their targets. */
export const DeploySchema = z
  .object({
    environments: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .strict()
  .default({ environments: {} });
