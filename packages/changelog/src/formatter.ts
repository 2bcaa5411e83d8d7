import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChangelogFunctions, ModCompWithPackage, NewChangesetWithCommit } from "@changesets/types";
import { z } from "zod";
import { commitFacts, repositoryUrl } from "./git-facts.js";

/** Options of the formatter, given in `.changeset/config.json`: `"changelog": ["@warden/changelog", { … }]`. */
export const FormatterOptionsSchema = z
  .object({
    repo: z.string().min(1).optional().describe('Repository for links: "owner/name" or a URL (default: package.json `repository`, else the origin remote).'),
    links: z.boolean().default(true).describe("Link commits and pull requests when the repository is known."),
    authors: z.boolean().default(true).describe("Name the author of each change."),
  })
  .strict();
export type FormatterOptions = z.infer<typeof FormatterOptionsSchema>;

function parseOptions(raw: unknown): FormatterOptions {
  const parsed = FormatterOptionsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Thrown inside `changeset version`, which prints it and writes nothing.
  throw new Error(`@warden/changelog options: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
}

function rootManifestRepository(cwd: string): unknown {
  try {
    return (JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as { repository?: unknown }).repository;
  } catch {
    return undefined;
  }
}

/** GitHub and GitLab both serve `/commit/<sha>`; pull requests differ. */
function pullUrl(base: string, number: number): string {
  return base.includes("gitlab") ? `${base}/-/merge_requests/${number}` : `${base}/pull/${number}`;
}

/**
 * One changelog entry: `- <sha> <type>: <summary> (<author>, #<pr>)`, the sha and pull request
 * linked when the repository is known. Continuation lines of the summary are indented under it;
 * the credits close the summary's first paragraph (a hard-wrapped sentence keeps them at its end,
 * not in its middle), or its first line when that paragraph holds a code fence or a list.
 * Everything comes from the local git repository: no network.
 */
export function formatReleaseLine(changeset: NewChangesetWithCommit, options: FormatterOptions, cwd: string = process.cwd()): string {
  const lines = changeset.summary.trim().split("\n");
  const facts = changeset.commit === undefined ? undefined : commitFacts(cwd, changeset.commit);
  const base = options.links ? repositoryUrl(cwd, options.repo, rootManifestRepository(cwd)) : undefined;
  const parts: string[] = [];
  if (facts !== undefined) {
    const short = facts.sha.slice(0, 7);
    parts.push(base === undefined ? `\`${short}\`` : `[\`${short}\`](${base}/commit/${facts.sha})`);
  }
  const first = lines[0] ?? "";
  parts.push(facts?.type === undefined ? first : `${facts.type}: ${first}`);
  lines[0] = `- ${parts.join(" ")}`;
  const credits: string[] = [];
  if (options.authors && facts !== undefined && facts.author !== "") credits.push(facts.author);
  if (facts?.pullRequest !== undefined) credits.push(base === undefined ? `#${facts.pullRequest}` : `[#${facts.pullRequest}](${pullUrl(base, facts.pullRequest)})`);
  if (credits.length > 0) {
    const at = creditLine(lines);
    lines[at] = `${lines[at] ?? ""} (${credits.join(", ")})`;
  }
  const [line = "", ...rest] = lines;
  const body = rest.map((text) => (text.trim() === "" ? "" : `  ${text}`)).join("\n").trimEnd();
  return body === "" ? line : `${line}\n${body}`;
}

/** The index of the line that ends the first paragraph, or 0 when that paragraph is not plain prose. */
function creditLine(lines: readonly string[]): number {
  let end = 0;
  while (end + 1 < lines.length && (lines[end + 1] ?? "").trim() !== "") end += 1;
  for (let i = 1; i <= end; i += 1) {
    if (/^\s*(?:```|~~~|[-*+] |\d+[.)] |>|#)/.test(lines[i] ?? "")) return 0;
  }
  return end;
}

/** The entry for a release caused only by updated workspace dependencies. */
export function formatDependencyLine(changesets: readonly NewChangesetWithCommit[], updated: readonly ModCompWithPackage[]): string {
  if (updated.length === 0) return "";
  const shas = [...new Set(changesets.map((c) => c.commit).filter((c): c is string => c !== undefined))].map((c) => c.slice(0, 7)).sort();
  const names = [...updated].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((d) => `  - ${d.name}@${d.newVersion}`);
  return [`- Updated dependencies${shas.length === 0 ? "" : ` [${shas.join(", ")}]`}:`, ...names].join("\n");
}

/** The changesets changelog functions (the module's default export). */
export const changelogFunctions: ChangelogFunctions = {
  getReleaseLine: (changeset, _type, options) => Promise.resolve(formatReleaseLine(changeset, parseOptions(options))),
  getDependencyReleaseLine: (changesets, updated) => Promise.resolve(formatDependencyLine(changesets, updated)),
};
