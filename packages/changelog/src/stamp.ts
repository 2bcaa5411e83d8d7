import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { currentEnv, listWorkspacePackages, WardenError } from "@warden/core";

/** The line under a release heading: `Released 2026-03-05 (UTC)`. */
export const DATE_LINE = /^_?Released (\d{4}-\d{2}-\d{2}) \(UTC\)_?\s*$/;
const HEADING = /^## (\S+)\s*$/;

/**
 * The release date to write, as YYYY-MM-DD in UTC: `date` when given (validated), else
 * SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention), else today in UTC.
 */
export function releaseDate(date: string | undefined, env: NodeJS.ProcessEnv = currentEnv(), now: Date = new Date()): string {
  if (date !== undefined) {
    const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const when = parsed === null ? undefined : new Date(Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3])));
    if (when === undefined || when.toISOString().slice(0, 10) !== date) throw new WardenError("USAGE", `--date ${date}: expected a calendar date YYYY-MM-DD`);
    return date;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new WardenError("USAGE", `SOURCE_DATE_EPOCH=${epoch.slice(0, 20)}: expected seconds since 1970`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

function committedText(root: string, file: string): string | undefined {
  try {
    return execFileSync("git", ["show", `HEAD:${file}`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/**
 * Add the date line under each release heading (`## x.y.z`) that the last `changeset version`
 * wrote: a heading not in the committed file (HEAD) and with no date line yet. Headings already
 * committed are history and are never given a date they did not have. Idempotent.
 */
export function stampText(current: string, committed: string | undefined, date: string): string {
  const known = new Set((committed ?? "").split("\n").filter((line) => HEADING.test(line)));
  const lines = current.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    out.push(line);
    if (!HEADING.test(line) || known.has(line)) continue;
    let next = i + 1;
    while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
    if (DATE_LINE.test(lines[next] ?? "")) continue;
    out.push("", `Released ${date} (UTC)`);
  }
  return out.join("\n");
}

/** The changelog files of a workspace: the root's (when present) and every package's. */
export async function changelogFiles(root: string): Promise<string[]> {
  const files = (await listWorkspacePackages(root)).map((pkg) => path.posix.join(pkg.dir, "CHANGELOG.md"));
  return ["CHANGELOG.md", ...files].filter((file) => existsSync(path.join(root, file)));
}

/** Stamp every changelog of the workspace; returns the files changed. */
export async function stampChangelogs(root: string, date: string): Promise<string[]> {
  const changed: string[] = [];
  for (const file of await changelogFiles(root)) {
    const full = path.join(root, file);
    const current = readFileSync(full, "utf8");
    const next = stampText(current, committedText(root, file), date);
    if (next === current) continue;
    writeFileSync(full, next);
    changed.push(file);
  }
  return changed;
}
