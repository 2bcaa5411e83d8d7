import { z } from "zod";

/** What the git hooks installed by Warden run. */
export const HooksSchema = z
  .object({
    preCommit: z
      .object({
        check: z.boolean().default(true).describe("Run `warden check --staged`."),
        scan: z.boolean().default(true).describe("Run `warden scan --staged` (when the secrets package is installed)."),
      })
      .strict()
      .default({ check: true, scan: true }),
    commitMsg: z
      .object({
        conventional: z.boolean().default(true).describe("Require Conventional Commits messages."),
        types: z
          .array(z.string().regex(/^[a-z]+$/))
          .default(["feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert"])
          .describe("Allowed commit types."),
      })
      .strict()
      .default({
        conventional: true,
        types: ["feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert"],
      }),
    prePush: z
      .object({
        check: z.boolean().default(true).describe("Run `warden check` over the pushed commits."),
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
      .default({ check: true, test: "auto" }),
  })
  .strict()
  .default({
    preCommit: { check: true, scan: true },
    commitMsg: {
      conventional: true,
      types: ["feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert"],
    },
    prePush: { check: true, test: "auto" },
  });
