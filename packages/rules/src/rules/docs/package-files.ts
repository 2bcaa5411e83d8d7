import { listWorkspacePackages } from "@warden/core";
import { z } from "zod";

/** Options shared by the per-package file rules. */
export const PackageFileOptions = z
  .object({
    directories: z.array(z.string()).default([]).describe("Extra directories (besides workspace packages) that need the file."),
  })
  .strict();

/**
 * The package folders a per-package rule should look at: every workspace package (plus the
 * configured directories) in a full check, only those containing a changed path otherwise.
 */
export async function packagesToCheck(
  root: string,
  mode: "full" | "changes",
  files: readonly string[],
  extra: readonly string[],
): Promise<string[]> {
  const dirs = [...(await listWorkspacePackages(root)).map((p) => p.dir), ...extra.map((d) => d.replace(/\/+$/, ""))];
  const unique = [...new Set(dirs)].sort();
  if (mode === "full") return unique;
  return unique.filter((dir) => files.some((file) => file.startsWith(`${dir}/`)));
}
