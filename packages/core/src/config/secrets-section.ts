import { z } from "zod";

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const DEFAULT_BASELINE = ".secrets-baseline.json";

/** Settings of the secret scanner (`warden scan`); see docs/secrets/allowlists.md. */
export const SecretsSchema = z
  .object({
    maxFileSize: z
      .number()
      .int()
      .positive()
      .default(DEFAULT_MAX_FILE_SIZE)
      .describe("Files larger than this many bytes are not scanned for secrets: they are reported as skipped (from their size, before reading)."),
    allowPaths: z.array(z.string().min(1)).default([]).describe("Globs of paths never scanned for secrets."),
    allowPatterns: z
      .array(
        z.string().min(1).refine(
          (source) => {
            try {
              new RegExp(source);
              return true;
            } catch {
              return false;
            }
          },
          { message: "not a valid regular expression" },
        ),
      )
      .default([])
      .describe("Regular expressions; a secret that matches one is not reported."),
    allowFingerprints: z
      .array(z.string().regex(/^[0-9a-f]{8,64}$/, "a fingerprint is 8 to 64 lower-case hex characters"))
      .default([])
      .describe("Fingerprints of accepted findings (shown in json/sarif output; never the secret)."),
    disable: z.array(z.string().min(1)).default([]).describe("Detector ids to turn off, e.g. \"jwt\" or \"secrets/jwt\"."),
    baseline: z
      .string()
      .min(1)
      .default(DEFAULT_BASELINE)
      .describe("Repository-relative path of the secrets baseline (fingerprints of accepted findings)."),
    grants: z
      .record(
        z.string().regex(/^[A-Za-z0-9][\w:.-]*$/, "a task name: letters, digits and _ : . -"),
        z.union([
          z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a secret name (an environment variable name)")),
          z
            .object({
              names: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a secret name (an environment variable name)")),
              env: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).optional().describe("The vault environment the values come from."),
              expires: z.iso.date().optional().describe("Last day (UTC) the grant is valid, YYYY-MM-DD."),
            })
            .strict(),
        ]),
      )
      .default({})
      .describe('Secrets each task may receive from the vault: `{ "deploy:production": ["DATABASE_URL"] }` (see docs/secrets/vault.md).'),
  })
  .strict()
  .default({
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    allowPaths: [],
    allowPatterns: [],
    allowFingerprints: [],
    disable: [],
    baseline: DEFAULT_BASELINE,
    grants: {},
  });
