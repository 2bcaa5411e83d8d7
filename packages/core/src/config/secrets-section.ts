import { z } from "zod";

/** Settings of the secret scanner (`warden scan`). */
export const SecretsSchema = z
  .object({
    maxFileSize: z
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024)
      .describe("Files larger than this many bytes are skipped with a note."),
    allowPaths: z.array(z.string().min(1)).default([]).describe("Globs of paths never scanned for secrets."),
    allowPatterns: z.array(z.string().min(1)).default([]).describe("Regular expressions; a match that fits one is not reported."),
    allowFingerprints: z.array(z.string().min(8)).default([]).describe("Fingerprints of accepted findings."),
    disable: z.array(z.string().min(1)).default([]).describe("Detector ids to turn off."),
  })
  .strict()
  .default({ maxFileSize: 5 * 1024 * 1024, allowPaths: [], allowPatterns: [], allowFingerprints: [], disable: [] });
