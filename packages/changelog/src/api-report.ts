import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSurface, buildSurfaces, diffSurfaces, surfaceToJson, type ApiChange } from "./api.js";
import type { TreeSource } from "./sources.js";

/** The bump a package's changes need. */
export type Bump = "major" | "minor" | "patch" | "none";

/** One package's difference between base and head. */
export interface PackageApiDiff {
  readonly name: string;
  readonly dir: string;
  readonly version: string | undefined;
  readonly changes: readonly ApiChange[];
  /** The least bump the changes need: `major` for a breaking change (`minor` on 0.x when `zeroMajor` is "minor"), `minor` for additions. */
  readonly required: Bump;
}

/** The bump a set of changes needs, by semver: breaking → major (0.x: per `zeroMajor`), additive → minor. */
export function requiredBump(changes: readonly ApiChange[], version: string | undefined, zeroMajor: "major" | "minor" = "minor"): Bump {
  const breaking = changes.some((c) => c.level === "breaking");
  const additive = changes.some((c) => c.level === "additive");
  const zero = version !== undefined && /^0\./.test(version);
  if (breaking) return zero ? zeroMajor : "major";
  if (additive) return "minor";
  return "none";
}

/** Whether `given` is at least `needed`. */
export function bumpCovers(given: Bump, needed: Bump): boolean {
  const order: Bump[] = ["none", "patch", "minor", "major"];
  return order.indexOf(given) >= order.indexOf(needed);
}

/** Compare the public surfaces of `dirs` between two states of the repository. */
export async function diffPackages(base: TreeSource, head: TreeSource, dirs: readonly string[], options: { readonly zeroMajor?: "major" | "minor" } = {}): Promise<PackageApiDiff[]> {
  const out: PackageApiDiff[] = [];
  const sorted = [...dirs].sort();
  const afterAll = await buildSurfaces(head, sorted);
  const present = sorted.filter((dir) => afterAll.get(dir) !== undefined);
  const beforeAll = await buildSurfaces(base, present);
  const manifests = await head.read(present.map((dir) => (dir === "." ? "package.json" : `${dir}/package.json`)));
  for (const dir of present) {
    const after = afterAll.get(dir);
    if (after === undefined) continue;
    const before = beforeAll.get(dir);
    let version: string | undefined;
    try {
      const parsed = JSON.parse(manifests.get(dir === "." ? "package.json" : `${dir}/package.json`) ?? "{}") as { version?: unknown };
      version = typeof parsed.version === "string" ? parsed.version : undefined;
    } catch {
      version = undefined;
    }
    // A package new in head has no users to break.
    const changes = before === undefined ? [] : diffSurfaces(before, after);
    out.push({ name: after.packageName, dir, version, changes, required: requiredBump(changes, version, options.zeroMajor) });
  }
  return out;
}

/** Write `<dir>/api.json` snapshots of the surfaces in `head` (for teams that want review diffs); returns the files changed. */
export async function writeSnapshots(root: string, head: TreeSource, dirs: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const dir of [...dirs].sort()) {
    const surface = await buildSurface(head, dir);
    if (surface === undefined || surface.entries.length === 0) continue;
    const file = path.join(root, dir, "api.json");
    const text = `${JSON.stringify(surfaceToJson(surface), null, 2)}\n`;
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    changed.push(path.posix.join(dir, "api.json"));
  }
  return changed;
}
