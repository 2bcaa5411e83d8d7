import { z } from "zod";

/**
 * GitHub integration settings (`warden ci report`, deployments on GitHub). The token and the
 * repository come from the GitHub Actions environment (GITHUB_TOKEN, GITHUB_REPOSITORY,
 * GITHUB_API_URL), never from the config. Docs: docs/guides/github.md.
 */
export const GithubSchema = z
  .object({
    deployments: z
      .boolean()
      .default(false)
      .describe("`warden deploy` and `warden rollback` create a GitHub deployment per release and post its statuses (needs GITHUB_TOKEN with `deployments: write` and GITHUB_REPOSITORY)."),
    environments: z
      .record(
        z.string(),
        z
          .object({
            name: z.string().min(1).optional().describe("The GitHub environment's name (default: Warden's environment name)."),
            url: z.string().url().optional().describe("The environment's public address, shown as the deployment's environment_url (default: the URL the deploy reports)."),
            production: z.boolean().optional().describe("Whether end users use this environment (GitHub's production_environment)."),
          })
          .strict(),
      )
      .default({})
      .describe("Per Warden environment: its name, address and kind on GitHub."),
    sarif: z.boolean().default(true).describe("`warden ci report` uploads SARIF to code scanning (skipped with a notice when the repository cannot receive it)."),
    comment: z
      .enum(["resolve", "delete"])
      .default("resolve")
      .describe("What `warden ci report` does with its pull-request comment once a run is clean: mark it resolved, or delete it."),
  })
  .strict()
  .default({ deployments: false, environments: {}, sarif: true, comment: "resolve" });
