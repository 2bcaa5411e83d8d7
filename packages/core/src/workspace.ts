import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { parse as parseYaml } from "yaml";
import { maskTokens, WardenError } from "./errors.js";

/** A package of the workspace: its folder (repository-relative) and its package.json. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly name: string | undefined;
  readonly manifest: Record<string, unknown>;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new WardenError("INPUT", `${file}: invalid JSON: ${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))}`);
  }
}

/** The workspace globs from pnpm-workspace.yaml, or from package.json `workspaces` (npm, yarn, bun). */
export function workspaceGlobs(root: string): string[] {
  const pnpmFile = path.join(root, "pnpm-workspace.yaml");
  if (existsSync(pnpmFile)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(pnpmFile, "utf8"));
    } catch (error) {
      throw new WardenError("INPUT", `pnpm-workspace.yaml: invalid YAML: ${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))}`);
    }
    const packages = (parsed as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === "string") : [];
  }
  const manifestFile = path.join(root, "package.json");
  if (!existsSync(manifestFile)) return [];
  const workspaces = readJson(manifestFile).workspaces;
  if (Array.isArray(workspaces)) return workspaces.filter((p): p is string => typeof p === "string");
  const nested = (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(nested) ? nested.filter((p): p is string => typeof p === "string") : [];
}

/**
 * The packages of the workspace rooted at `root` (not counting the root itself), sorted by folder.
 * Negated globs (`!pattern`) exclude folders, as in pnpm.
 */
export async function listWorkspacePackages(root: string): Promise<WorkspacePackage[]> {
  const globs = workspaceGlobs(root);
  if (globs.length === 0) return [];
  const patterns = globs.map((g) => (g.startsWith("!") ? `!${g.slice(1).replace(/\/$/, "")}/package.json` : `${g.replace(/\/$/, "")}/package.json`));
  const manifests = await glob(patterns, { cwd: root, ignore: ["**/node_modules/**"], expandDirectories: false });
  return manifests
    .map((file) => file.split(path.sep).join("/"))
    .sort()
    .map((file) => {
      const manifest = readJson(path.join(root, file));
      return {
        dir: path.posix.dirname(file),
        name: typeof manifest.name === "string" ? manifest.name : undefined,
        manifest,
      };
    });
}
