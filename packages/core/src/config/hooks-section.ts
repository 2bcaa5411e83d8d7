import { z } from "zod";

/**
 * What the git hooks installed by Warden run. The commit-msg hook has no settings of its own: it
 * runs the rules that judge a commit (`commits/conventional`, `protect/*`) with their settings in
 * `rules`, so it accepts and refuses exactly what pre-push and CI do.
 */
export const HooksSchema = z
  .object({
    preCommit: z
      .object({
        check: z.boolean().default(true).describe("Run `warden check --staged`."),
        scan: z.boolean().default(true).describe("Run `warden scan --staged` (when the secrets package is installed)."),
      })
      .strict()
      .default({ check: true, scan: true }),
    prePush: z
      .object({
        check: z.boolean().default(true).describe("Run `warden check` over the pushed commits (their files and messages)."),
        scan: z.boolean().default(true).describe("Run `warden scan` over every line the pushed commits add."),
        test: z
          .union([z.literal("auto"), z.literal(false), z.string().min(1)], {
            error: () => 'expected "auto", false, or a shell command string',
          })
          .default("auto")
          .describe(
            'Tests of the affected packages: "auto" runs `turbo run test --affected` when turbo.json exists, false skips, a string is a shell command.',
          ),
      })
      .strict()
      .default({ check: true, scan: true, test: "auto" }),
  })
  .strict()
  .default({
    preCommit: { check: true, scan: true },
    prePush: { check: true, scan: true, test: "auto" },
  });
