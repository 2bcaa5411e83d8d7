import { listWorkspacePackages, workspaceGlobs } from "@warden/core";
import picomatch from "picomatch";
import { z } from "zod";

/** Options shared by the per-package file rules. */
export const PackageFileOptions = z
  .object({
    directories: z.array(z.string()).default([]).describe("Extra directories (besides workspace packages) that need the file."),
  })
  .strict();

/**
 * The package folders a per-package rule should look at: every workspace package (plus the
 * configured directories) in a full check. Otherwise only the packages that contain a changed
 * path, found from the changed paths themselves (their folders matched against the workspace
 * globs), so the cost follows the change and not the size of the repository.
 */
export async function packagesToCheck(
  root: string,
  mode: "full" | "changes",
  files: readonly string[],
  extra: readonly string[],
  exists: (file: string) => Promise<boolean>,
): Promise<string[]> {
  const extraDirs = extra.map((d) => d.replace(/\/+$/, ""));
  if (mode === "full") {
    const dirs = [...(await listWorkspacePackages(root)).map((p) => p.dir), ...extraDirs];
    return [...new Set(dirs)].sort();
  }
  const globs = workspaceGlobs(root).map((g) => g.replace(/\/+$/, ""));
  const include = globs.filter((g) => !g.startsWith("!"));
  const exclude = globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  const isWorkspaceDir = include.length === 0 ? () => false : picomatch(include);
  const isExcluded = exclude.length === 0 ? () => false : picomatch(exclude);
  const candidates = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    for (let depth = 1; depth < parts.length; depth += 1) {
      const dir = parts.slice(0, depth).join("/");
      if (extraDirs.includes(dir) || (isWorkspaceDir(dir) && !isExcluded(dir))) candidates.add(dir);
    }
  }
  const found: string[] = [];
  for (const dir of [...candidates].sort()) {
    if (extraDirs.includes(dir) || (await exists(`${dir}/package.json`))) found.push(dir);
  }
  return found;
}

/** Whether the package in `dir` is never released: marked `"private": true`. */
export async function isPrivatePackage(readText: (file: string) => Promise<string | undefined>, dir: string): Promise<boolean> {
  const text = await readText(`${dir}/package.json`);
  if (text === undefined) return false;
  try {
    return (JSON.parse(text) as { private?: unknown }).private === true;
  } catch {
    return false;
  }
}

/** A package that only serves a test (a workspace member under `.test/`, `test/`, `tests/`, `__tests__/`, `fixtures/`, `e2e/`). */
export const TEST_PACKAGE = /(?:^|\/)(?:\.test|tests?|__tests__|__fixtures__|fixtures?|e2e)\//;
