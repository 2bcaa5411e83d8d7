import path from "node:path";
import parseChangeset from "@changesets/parse";
import picomatch from "picomatch";
import { z } from "zod";

/** Options of the changeset gate (the `changes/changeset-required` rule). */
export const GateOptionsSchema = z
  .object({
    include: z
      .array(z.string())
      .default(["src/**", "bin/**", "lib/**"])
      .describe("Globs, relative to a package folder, of the files that ship: a change to one needs a changeset."),
    exclude: z
      .array(z.string())
      .default(["**/*.test.*", "**/*.spec.*", "**/test/**", "**/tests/**", "**/__tests__/**", "**/fixtures/**", "**/__fixtures__/**", "**/__snapshots__/**", "**/*.md"])
      .describe("Globs, relative to a package folder, of files that never need a changeset (tests, fixtures, docs)."),
    checkUnchanged: z
      .boolean()
      .default(false)
      .describe("Also report a changeset added in the range that names a package with no shipped change in it."),
  })
  .strict();
export type GateOptions = z.infer<typeof GateOptionsSchema>;

/** A workspace package as the gate sees it. */
export interface GatePackage {
  readonly dir: string;
  readonly name: string;
}

/** A commit of the range: its id, message and changed paths. */
export interface GateCommit {
  readonly oid: string;
  readonly message: string;
  readonly files: readonly string[];
}

/** A changeset file: its path and text (pending at the head of the range). */
export interface ChangesetFile {
  readonly file: string;
  readonly text: string;
}

/** What the gate found. */
export interface GateResult {
  /** Packages with shipped changes and no changeset naming them: `files` are the changed shipped files. */
  readonly missing: readonly { readonly pkg: GatePackage; readonly files: readonly string[] }[];
  /** Escapes honoured: a `Changeset: none -- reason` trailer or an empty changeset with a reason. */
  readonly waivers: readonly { readonly source: string; readonly reason: string }[];
  /** Changesets added in the range that name a package with no shipped change (only with `checkUnchanged`). */
  readonly unchanged: readonly { readonly file: string; readonly name: string }[];
  /** Changeset files that could not be parsed: one line each, never their contents. */
  readonly invalid: readonly { readonly file: string; readonly reason: string }[];
}

/** The commit trailer that waives the gate: `Changeset: none -- <reason>`. */
const TRAILER = /^Changeset:\s*none\s*(?:--|—|-)\s*(\S.*)$/im;

/** Whether `file` is a changeset (not the folder's README or config). */
export function isChangesetFile(file: string): boolean {
  return /^\.changeset\/[^/]+\.md$/.test(file) && !/^\.changeset\/README\.md$/i.test(file);
}

/** The package that owns `file`: the one with the longest folder prefix. */
function ownerOf(packages: readonly GatePackage[], file: string): GatePackage | undefined {
  let best: GatePackage | undefined;
  for (const pkg of packages) {
    if (pkg.dir === "." || pkg.dir === "") continue;
    if (file.startsWith(`${pkg.dir}/`) && (best === undefined || pkg.dir.length > best.dir.length)) best = pkg;
  }
  return best;
}

/**
 * The packages with shipped files changed by `commits`, each with those files: a file belongs to
 * the package with the longest folder prefix, and ships when it matches `include` and not
 * `exclude` (relative to the package folder).
 */
export function shippedChanges(packages: readonly GatePackage[], commits: readonly GateCommit[], options: Pick<GateOptions, "include" | "exclude">): Map<GatePackage, Set<string>> {
  const included = picomatch(options.include, { dot: true });
  const excluded = picomatch(options.exclude, { dot: true });
  const changed = new Map<GatePackage, Set<string>>();
  for (const commit of commits) {
    for (const file of commit.files) {
      const pkg = ownerOf(packages, file);
      if (pkg === undefined) continue;
      const local = path.posix.relative(pkg.dir, file);
      if (!included(local) || excluded(local)) continue;
      const set = changed.get(pkg) ?? new Set<string>();
      set.add(file);
      changed.set(pkg, set);
    }
  }
  return changed;
}

/** The bump each package gets from a set of changesets (the highest one naming it); unparsable files are skipped. */
export function bumpsOf(changesets: readonly ChangesetFile[]): Map<string, "major" | "minor" | "patch" | "none"> {
  const order = ["none", "patch", "minor", "major"] as const;
  const out = new Map<string, (typeof order)[number]>();
  for (const changeset of changesets) {
    let parsed: ReturnType<typeof parseChangeset>;
    try {
      parsed = parseChangeset(changeset.text);
    } catch {
      continue;
    }
    for (const release of parsed.releases) {
      const before = out.get(release.name) ?? "none";
      if (order.indexOf(release.type) > order.indexOf(before)) out.set(release.name, release.type);
      else if (!out.has(release.name)) out.set(release.name, before);
    }
  }
  return out;
}

/**
 * The changeset gate over a commit range: every package with shipped files changed in the range is
 * named by a changeset pending at the head (added in the range or before), unless the range waives
 * it explicitly. Changesets are parsed with `@changesets/parse`.
 */
export function evaluateGate(input: {
  readonly packages: readonly GatePackage[];
  readonly commits: readonly GateCommit[];
  readonly changesets: readonly ChangesetFile[];
  readonly options: GateOptions;
}): GateResult {
  const { packages, commits, changesets, options } = input;
  const changedByPackage = shippedChanges(packages, commits, options);
  const changedInRange = new Set(commits.flatMap((commit) => commit.files));

  const waivers: { source: string; reason: string }[] = [];
  for (const commit of commits) {
    const reason = TRAILER.exec(commit.message)?.[1]?.trim();
    if (reason !== undefined && reason !== "") waivers.push({ source: `commit ${commit.oid.slice(0, 12)}`, reason });
  }

  const named = new Set<string>();
  const invalid: { file: string; reason: string }[] = [];
  const addedNames: { file: string; name: string }[] = [];
  for (const changeset of changesets) {
    let parsed: ReturnType<typeof parseChangeset>;
    try {
      parsed = parseChangeset(changeset.text);
    } catch (error) {
      // The parser quotes the file; keep only its first line, which never holds the contents.
      invalid.push({ file: changeset.file, reason: (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "invalid" });
      continue;
    }
    const releases = parsed.releases.filter((r) => r.type !== "none");
    if (parsed.releases.length === 0) {
      if (parsed.summary.trim() !== "") waivers.push({ source: changeset.file, reason: parsed.summary.trim().split("\n")[0] ?? "" });
      continue;
    }
    for (const release of releases) {
      named.add(release.name);
      if (changedInRange.has(changeset.file)) addedNames.push({ file: changeset.file, name: release.name });
    }
  }

  const waived = waivers.length > 0;
  const missing = waived
    ? []
    : [...changedByPackage.entries()]
        .filter(([pkg]) => !named.has(pkg.name))
        .map(([pkg, files]) => ({ pkg, files: [...files].sort() }))
        .sort((a, b) => (a.pkg.dir < b.pkg.dir ? -1 : a.pkg.dir > b.pkg.dir ? 1 : 0));
  const changedNames = new Set([...changedByPackage.keys()].map((pkg) => pkg.name));
  const unchanged = options.checkUnchanged ? addedNames.filter((entry) => !changedNames.has(entry.name) && packages.some((p) => p.name === entry.name)) : [];
  return { missing, waivers, unchanged, invalid };
}
