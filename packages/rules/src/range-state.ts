import path from "node:path";
import type { ChangesetFile, GatePackage } from "@warden/changelog";
import picomatch from "picomatch";
import { parse as parseYaml } from "yaml";
import { isManifest, parseManifest } from "./manifest.js";

/** What the change-tracking rules read of the state being checked (the head of a range). */
interface StateReader {
  listFiles(): Promise<readonly string[]>;
  readText(file: string): Promise<string | undefined>;
}

/** The workspace globs of the state: pnpm-workspace.yaml's `packages`, else package.json `workspaces`. */
async function workspaceGlobs(state: StateReader): Promise<string[]> {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  const pnpm = await state.readText("pnpm-workspace.yaml");
  if (pnpm !== undefined) {
    try {
      return strings((parseYaml(pnpm) as { packages?: unknown } | null)?.packages);
    } catch {
      return []; // broken YAML: pnpm itself reports it
    }
  }
  const root = parseManifest((await state.readText("package.json")) ?? "");
  const workspaces = root?.workspaces;
  return Array.isArray(workspaces) ? strings(workspaces) : strings((workspaces as { packages?: unknown } | undefined)?.packages);
}

/** The named workspace packages of the state being checked, minus the ones changesets ignores. */
export async function workspacePackagesInState(state: StateReader): Promise<GatePackage[]> {
  const globs = await workspaceGlobs(state);
  if (globs.length === 0) return [];
  const include = picomatch(globs.filter((g) => !g.startsWith("!")).map((g) => g.replace(/\/$/, "")));
  const exclude = picomatch(globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1).replace(/\/$/, "")));
  const ignored = new Set<string>();
  const config = (await state.readText(".changeset/config.json")) ?? "";
  try {
    const parsed = JSON.parse(config === "" ? "{}" : config) as { ignore?: unknown };
    if (Array.isArray(parsed.ignore)) for (const name of parsed.ignore) if (typeof name === "string") ignored.add(name);
  } catch {
    // changesets reports its own broken config
  }
  const out: GatePackage[] = [];
  for (const file of await state.listFiles()) {
    if (!isManifest(file) || file === "package.json" || file.includes("node_modules/")) continue;
    const dir = path.posix.dirname(file);
    if (!include(dir) || exclude(dir)) continue;
    const name = parseManifest((await state.readText(file)) ?? "")?.name;
    if (typeof name === "string" && !ignored.has(name)) out.push({ dir, name });
  }
  return out.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The changesets pending in the state being checked. */
export async function changesetsInState(state: StateReader, isChangeset: (file: string) => boolean): Promise<ChangesetFile[]> {
  const out: ChangesetFile[] = [];
  for (const file of await state.listFiles()) {
    if (!isChangeset(file)) continue;
    const text = await state.readText(file);
    if (text !== undefined) out.push({ file, text });
  }
  return out;
}
