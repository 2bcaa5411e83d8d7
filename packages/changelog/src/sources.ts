import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { WardenError } from "@warden/core";

/** A state of the repository to read packages from: a commit, or the work tree. */
export interface TreeSource {
  /** A label for messages: the ref, or "work tree". */
  readonly label: string;
  /** Repository-relative paths of the files under `dir` (recursively), sorted. */
  list(dir: string): Promise<string[]>;
  /** Texts of `files` (missing ones left out). */
  read(files: readonly string[]): Promise<Map<string, string>>;
}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "build", "coverage", ".turbo"]);

/** The work tree under `root`. */
export function workTreeSource(root: string): TreeSource {
  return {
    label: "work tree",
    list(dir) {
      const out: string[] = [];
      const walk = (rel: string): void => {
        let entries;
        try {
          entries = readdirSync(path.join(root, rel), { withFileTypes: true });
        } catch {
          return;
        }
        for (const entry of entries) {
          const child = rel === "" || rel === "." ? entry.name : `${rel}/${entry.name}`;
          if (entry.isDirectory()) {
            if (!SKIP_DIRS.has(entry.name)) walk(child);
          } else if (entry.isFile()) out.push(child);
        }
      };
      walk(dir);
      return Promise.resolve(out.sort());
    },
    read(files) {
      const out = new Map<string, string>();
      for (const file of files) {
        try {
          out.set(file, readFileSync(path.join(root, file), "utf8"));
        } catch {
          // gone: left out
        }
      }
      return Promise.resolve(out);
    },
  };
}

/** Resolve `ref` to a commit id; one clear error when it is not a commit. */
export function resolveCommit(root: string, ref: string): string {
  if (ref.startsWith("-")) throw new WardenError("USAGE", `${ref}: not a git revision`);
  try {
    return execFileSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    throw new WardenError("USAGE", `${ref}: not a commit in this repository`);
  }
}

/** The tree of commit `ref`, read with one `git cat-file --batch` process per read. */
export function commitSource(root: string, ref: string): TreeSource {
  const oid = resolveCommit(root, ref);
  return {
    label: ref,
    list(dir) {
      const out = execFileSync("git", ["ls-tree", "-r", "-z", "--name-only", oid, "--", dir === "." ? "" : dir].filter((a) => a !== ""), {
        cwd: root,
        maxBuffer: 256 * 1024 * 1024,
      });
      return Promise.resolve(
        out
          .toString("utf8")
          .split("\0")
          .filter((name) => name !== "" && !name.split("/").some((part) => SKIP_DIRS.has(part)))
          .sort(),
      );
    },
    read(files) {
      return new Promise((resolve, reject) => {
        const out = new Map<string, string>();
        if (files.length === 0) return resolve(out);
        const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "ignore"] });
        const chunks: Buffer[] = [];
        child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
        child.on("error", reject);
        child.on("close", () => {
          const data = Buffer.concat(chunks);
          let at = 0;
          for (const file of files) {
            const end = data.indexOf(10, at);
            if (end < 0) break;
            const header = data.subarray(at, end).toString("utf8");
            at = end + 1;
            const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
            if (size === undefined) continue; // "missing"
            out.set(file, data.subarray(at, at + Number(size)).toString("utf8"));
            at += Number(size) + 1;
          }
          resolve(out);
        });
        child.stdin.end(files.map((file) => `${oid}:${file}`).join("\n") + "\n");
      });
    },
  };
}
