import type { CommitInfo } from "./define-rule.js";
import { commitTrailers } from "./commit-message.js";
import { matcher } from "./globs.js";

/** The trailer that authorises a change to a protected path: `Authorized-by: Name <email>`. */
const AUTHORIZATION = /^[^<>]*\S[^<>]*<[^<>@\s]+@[^<>\s]+>$/;

/** Whether a commit message carries a well-formed `Authorized-by:` (or `Authorised-by:`) trailer. */
function isAuthorized(message: string): boolean {
  return commitTrailers(message).some((t) => (t.key === "authorized-by" || t.key === "authorised-by") && AUTHORIZATION.test(t.value));
}

/** For each commit that changes a path matching `globs` without authorisation: the commit and the first such path. */
export function unauthorizedChanges(commits: readonly CommitInfo[], globs: readonly string[]): { commit: CommitInfo; file: string }[] {
  if (globs.length === 0) return [];
  const protectedPath = matcher(globs);
  return commits.flatMap((commit) => {
    const file = commit.files.find((f) => protectedPath(f));
    return file === undefined || isAuthorized(commit.message) ? [] : [{ commit, file }];
  });
}
