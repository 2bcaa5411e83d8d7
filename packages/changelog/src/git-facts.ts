import { execFileSync } from "node:child_process";

/** What git knows about the commit that added a changeset: no network, only the local repository. */
export interface CommitFacts {
  readonly sha: string;
  readonly author: string;
  /** The Conventional Commits type of the subject (`feat`, `fix`, …), when it has one. */
  readonly type: string | undefined;
  /** The pull request number, from a squash-merge subject `(#123)` or a `PR: #123` trailer. */
  readonly pullRequest: number | undefined;
}

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/** GitHub's no-reply addresses carry the login: `123+login@users.noreply.github.com`. */
function authorOf(name: string, email: string): string {
  const login = /^(?:\d+\+)?([A-Za-z\d](?:[A-Za-z\d-]{0,38}))@users\.noreply\.github\.com$/i.exec(email);
  return login?.[1] === undefined ? name : `@${login[1]}`;
}

const PULL_SUBJECT = /\(#(\d+)\)\s*$/;
const PULL_TRAILER = /^(?:PR|Pull-Request):\s*(?:[^\s#]*#)?(\d+)\s*$/im;
const MERGE_SUBJECT = /^Merge pull request #(\d+)\b/;
const TYPE = /^([a-z]+)(?:\([^()]*\))?!?:\s/;

/** Facts about `sha` in the repository at `cwd`; undefined when git does not know the commit. */
export function commitFacts(cwd: string, sha: string): CommitFacts | undefined {
  const out = git(cwd, ["show", "-s", "--format=%H%x00%an%x00%ae%x00%B", sha]);
  if (out === undefined) return undefined;
  const [full = sha, name = "", email = "", body = ""] = out.split("\0");
  const subject = body.split("\n")[0] ?? "";
  const pull = PULL_SUBJECT.exec(subject)?.[1] ?? PULL_TRAILER.exec(body)?.[1] ?? mergedBy(cwd, full);
  return {
    sha: full.trim(),
    author: authorOf(name, email.trim()),
    type: TYPE.exec(subject)?.[1],
    pullRequest: pull === undefined ? undefined : Number(pull),
  };
}

/** The pull request whose merge commit first brought `sha` into HEAD, from `Merge pull request #N` subjects. */
function mergedBy(cwd: string, sha: string): string | undefined {
  const out = git(cwd, ["log", "--merges", "--ancestry-path", "--reverse", "--format=%s", `${sha}..HEAD`]);
  for (const subject of (out ?? "").split("\n")) {
    const match = MERGE_SUBJECT.exec(subject);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

/**
 * The web address of the repository, for links: `owner/name` or a URL given in the options, else
 * package.json's `repository`, else the `origin` remote. Undefined when none is known.
 */
export function repositoryUrl(cwd: string, configured: string | undefined, manifestRepository: unknown): string | undefined {
  const fromManifest =
    typeof manifestRepository === "string"
      ? manifestRepository
      : typeof (manifestRepository as { url?: unknown } | undefined)?.url === "string"
        ? (manifestRepository as { url: string }).url
        : undefined;
  const candidate = configured ?? fromManifest ?? git(cwd, ["remote", "get-url", "origin"])?.trim();
  return candidate === undefined || candidate === "" ? undefined : normaliseRepositoryUrl(candidate);
}

/** `owner/name`, `github:owner/name`, `git@host:owner/name.git`, `git+https://host/owner/name.git` → `https://host/owner/name`. */
export function normaliseRepositoryUrl(value: string): string | undefined {
  const text = value.trim();
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(text);
  if (shorthand !== null) return `https://github.com/${shorthand[1]}/${shorthand[2]}`;
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([\w./-]+?)(?:\.git)?\/?$/.exec(text);
  if (scp !== null) return `https://${scp[1]}/${scp[2]}`;
  const url = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/([\w./-]+?)(?:\.git)?\/?$/.exec(text);
  if (url !== null) return `https://${url[1]}/${url[2]}`;
  return undefined;
}
