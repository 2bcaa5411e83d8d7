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
  })
  .strict()
  .default({
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    allowPaths: [],
    allowPatterns: [],
    allowFingerprints: [],
    disable: [],
    baseline: DEFAULT_BASELINE,
  });
