/** Result of checking a commit message. */
export interface CommitMessageVerdict {
  readonly ok: boolean;
  readonly subject: string;
  readonly problem?: string;
}

const EXEMPT = /^(?:Merge (?:branch|pull request|remote-tracking branch|tag|commit)\b|Revert "|(?:fixup|squash|amend)! )/;

/** Strip the comment lines and the scissors section git adds to COMMIT_EDITMSG. */
export function cleanCommitMessage(raw: string): string {
  const scissors = raw.indexOf("# ------------------------ >8 ------------------------");
  const body = scissors >= 0 ? raw.slice(0, scissors) : raw;
  return body
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
}

/** Check a message against Conventional Commits: `type(scope)!: subject`, with an allowed type. */
export function checkCommitMessage(raw: string, types: readonly string[]): CommitMessageVerdict {
  const message = cleanCommitMessage(raw);
  const subject = message.split("\n")[0] ?? "";
  if (subject === "") return { ok: false, subject, problem: "the commit message is empty" };
  if (EXEMPT.test(subject)) return { ok: true, subject };
  const match = /^(\w+)(?:\(([^()\s][^()]*)\))?(!)?: (\S.*)$/.exec(subject);
  if (match === null) {
    return { ok: false, subject, problem: `"${subject}" is not "type(scope): subject" (Conventional Commits)` };
  }
  const type = match[1] ?? "";
  if (!types.includes(type)) {
    return { ok: false, subject, problem: `type "${type}" is not one of: ${types.join(", ")}` };
  }
  const lines = message.split("\n");
  if (lines.length > 1 && (lines[1] ?? "").trim() !== "") {
    return { ok: false, subject, problem: "the subject line must be followed by a blank line before the body" };
  }
  return { ok: true, subject };
}
