import { z } from "zod";

/** Advisory severities, lowest first (the npm registry's names). */
export const AUDIT_SEVERITIES = ["info", "low", "moderate", "high", "critical"] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

const AuditIgnoreSchema = z
  .object({
    advisory: z
      .union([z.string().min(1), z.number().int().nonnegative()])
      .describe("The advisory's GHSA id (GHSA-xxxx-xxxx-xxxx), its URL, or the registry's numeric id."),
    reason: z.string().min(1).describe("Why it does not apply (shown in the report)."),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
      .optional()
      .describe("Last day (UTC) the exception holds; after it the advisory counts again and the report says the exception expired."),
  })
  .strict();

/** Settings of `warden audit`: the dependency audit gate. */
export const AuditSchema = z
  .object({
    severity: z.enum(AUDIT_SEVERITIES).default("high").describe("Advisories at or above this severity fail `warden audit`; lower ones are listed as notes."),
    registry: z
      .string()
      .url()
      .optional()
      .describe("Registry whose advisory endpoint is asked (`/-/npm/v1/security/advisories/bulk`). Default: npm_config_registry, then `registry=` in the repository's .npmrc, then https://registry.npmjs.org."),
    timeoutMs: z.number().int().positive().default(30_000).describe("Time allowed for each request to the advisory endpoint."),
    ignore: z.array(AuditIgnoreSchema).default([]).describe("Advisories that do not apply here, each with its reason and optionally an end date."),
  })
  .strict()
  .default({ severity: "high", timeoutMs: 30_000, ignore: [] });

/** The validated `audit` section. */
export type AuditSettings = z.output<typeof AuditSchema>;
