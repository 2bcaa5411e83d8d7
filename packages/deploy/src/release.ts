import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What `manifest.json` in a release folder records. */
export interface ReleaseManifest {
  readonly release: string;
  readonly env: string;
  readonly commit: string;
  readonly createdAt: string;
  readonly configHash: string;
  readonly contentHash: string;
  readonly strategy: string;
  readonly target: string;
  /** Uncommitted changes (`git status --porcelain` lines) the release was built with: `commit` alone does not describe it. Absent: a clean tree. */
  readonly dirty?: number;
}

/** A release id: UTC time (to the millisecond) and the short commit, sortable by time. */
export function newReleaseId(commit: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.(\d{3})Z$/, "$1Z");
  return `${stamp}-${commit.slice(0, 7) || "nocommit"}`;
}

/** sha256 of a value's canonical JSON (keys sorted), e.g. of an environment's config. */
export function configHash(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash("sha256").update(JSON.stringify(canonical(value))).digest("hex");
}

const SKIP = new Set(["node_modules", ".git", "manifest.json"]);

/** sha256 over a folder's relative paths and file contents (sorted), skipping the manifest. */
export function contentHash(dir: string): string {
  const hash = createHash("sha256");
  const visit = (rel: string): void => {
    const entries = readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (SKIP.has(entry.name)) continue;
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) {
        hash.update(`${child}\0`);
        hash.update(readFileSync(path.join(dir, child)));
        hash.update("\0");
      }
    }
  };
  visit("");
  return hash.digest("hex");
}

/**
 * Create the immutable release folder `<releasesDir>/<id>` from `appDir`: files are copied to a
 * temporary folder, the manifest is written last, and the folder is renamed into place, so a
 * release folder with a manifest is always complete.
 */
export function createReleaseDir(releasesDir: string, appDir: string, manifest: Omit<ReleaseManifest, "contentHash">): ReleaseManifest {
  mkdirSync(releasesDir, { recursive: true });
  const staging = path.join(releasesDir, `.staging-${manifest.release}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(appDir, staging, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || src === appDir });
  const full: ReleaseManifest = { ...manifest, contentHash: contentHash(staging) };
  writeFileSync(path.join(staging, "manifest.json"), `${JSON.stringify(full, null, 2)}\n`);
  renameSync(staging, path.join(releasesDir, manifest.release));
  return full;
}

/** Read a release's manifest, or undefined when the folder is not a complete release. */
function readManifest(releaseDir: string): ReleaseManifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(releaseDir, "manifest.json"), "utf8")) as ReleaseManifest;
  } catch {
    return undefined;
  }
}

/** Whether a release folder still matches the content hash in its manifest. */
export function verifyRelease(releaseDir: string): boolean {
  const manifest = readManifest(releaseDir);
  return manifest !== undefined && contentHash(releaseDir) === manifest.contentHash;
}

/** Complete releases under `releasesDir`, oldest first. */
export function listReleaseDirs(releasesDir: string): ReleaseManifest[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .filter((name) => !name.startsWith("."))
    .filter((name) => statSync(path.join(releasesDir, name)).isDirectory())
    .sort()
    .map((name) => readManifest(path.join(releasesDir, name)))
    .filter((m): m is ReleaseManifest => m !== undefined);
}
