/** The message as git stores it, without `#` comment lines and the scissors section of COMMIT_EDITMSG. */
export function stripCommitComments(raw: string): string {
  const cut = raw.indexOf("# ------------------------ >8 ------------------------");
  return (cut < 0 ? raw : raw.slice(0, cut))
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
}

/** The trailers of a commit message (`Key: value` lines of its last paragraph), keys lowercased. */
export function commitTrailers(message: string): { key: string; value: string }[] {
  const paragraphs = stripCommitComments(message).split(/\n\s*\n/);
  if (paragraphs.length < 2) return [];
  const last = paragraphs[paragraphs.length - 1] ?? "";
  return last.split("\n").flatMap((line) => {
    const match = /^([A-Za-z][\w-]*):\s*(.+)$/.exec(line.trim());
    return match === null ? [] : [{ key: (match[1] ?? "").toLowerCase(), value: (match[2] ?? "").trim() }];
  });
}

/** The pseudo-path a commit finding is reported on: commits are not files. */
export function commitLocation(oid: string): string {
  return `commit:${oid.slice(0, 12)}`;
}
