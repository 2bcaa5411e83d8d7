import path from "node:path";

/** Turn a path into the repository-relative, forward-slash form used in findings. */
export function toRepoPath(root: string, file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(root, file) : file;
  return relative.split(path.sep).join("/");
}
