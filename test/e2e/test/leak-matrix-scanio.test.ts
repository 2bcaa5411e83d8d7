import { readdirSync, readFileSync, type Dirent } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepo, runAsync, WARDEN_BIN, type RunResult, type TempRepo } from "@warden/test-utils";
import { TOKENS } from "./leak-tokens.js";

// The rows of the leak matrix that need the scanner to read binary and UTF-16 content and commit
// messages (issue 9 items 6 and 8): tokens in a binary file, a UTF-16 file and a commit message,
// found by every scan mode in every format, and never printed or written whole.

const FORMATS = ["pretty", "json", "sarif", "github"] as const;
const MODES: readonly (readonly string[])[] = [[], ["--staged"], ["--range", "HEAD~1..HEAD"], ["--history"]];

let repo: TempRepo;
const tokens = { binary: "", utf16: "", message: "" };
const runs: { label: string; result: RunResult }[] = [];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }) as Dirent[]) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

beforeAll(async () => {
  tokens.binary = TOKENS.githubClassic();
  tokens.utf16 = TOKENS.githubClassic();
  tokens.message = TOKENS.githubClassic();
  repo = gitRepo({ "README.md": "# demo\n" });
  repo.commit("chore: init", { noVerify: true });
  const files = {
    "assets/blob.bin": Buffer.concat([Buffer.from([0, 1, 2, 0, 255, 0]), Buffer.from(`token=${tokens.binary}\n`), Buffer.from([0, 0, 7])]),
    "docs/notes-utf16.txt": Buffer.from(`\ufeffconst token = "${tokens.utf16}";\n`, "utf16le"),
  };
  repo.write(files);
  repo.git(["add", "-A"]);
  repo.git(["commit", "-q", "--no-verify", "-m", `feat: assets\n\nkey ${tokens.message}`]);
  // The same content staged again under other names, for --staged.
  repo.write({ "staged/blob.bin": files["assets/blob.bin"], "staged/notes-utf16.txt": files["docs/notes-utf16.txt"] });
  repo.git(["add", "-A"]);
  const jobs: { label: string; args: string[] }[] = [];
  for (const format of FORMATS) for (const mode of MODES) jobs.push({ label: `scan ${mode.join(" ")} -f ${format}`, args: ["scan", ...mode, "--format", format] });
  for (const job of jobs) {
    runs.push({ label: job.label, result: await runAsync(process.execPath, [WARDEN_BIN, ...job.args], { cwd: repo.dir, env: { WARDEN_DAEMON: "0" } }) });
  }
}, 600_000);

afterAll(() => repo.cleanup());

describe("leak matrix: binary, UTF-16 and commit messages (the scanner's reading side)", () => {
  it("every scan mode finds the token in the binary and the UTF-16 file; range and history find the one in the commit message", () => {
    for (const format of ["json"] as const) {
      for (const mode of MODES) {
        const run = runs.find((r) => r.label === `scan ${mode.join(" ")} -f ${format}`)?.result as RunResult;
        expect(run.code, `${mode.join(" ")}: ${run.stderr}`).toBe(1);
        const files = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings
          .filter((f) => f.ruleId === "secrets/github-pat")
          .map((f) => f.file);
        expect(files.some((file) => file.endsWith("blob.bin")), `${mode.join(" ")}: ${files.join(", ")}`).toBe(true);
        expect(files.some((file) => file.endsWith("notes-utf16.txt")), `${mode.join(" ")}: ${files.join(", ")}`).toBe(true);
        if (mode[0] === "--range" || mode[0] === "--history") expect(files.some((file) => file.startsWith("commit:")), files.join(", ")).toBe(true);
      }
    }
    for (const { label, result } of runs) expect(result.code, label).toBe(1);
  });

  it("no output and no file Warden wrote holds a whole token", () => {
    const needles = Object.values(tokens);
    const found = runs.flatMap(({ label, result }) => needles.filter((n) => result.stdout.includes(n) || result.stderr.includes(n)).map((n) => `${label}: ${n.slice(0, 6)}…`));
    expect(found).toEqual([]);
    // Warden's own files (the cache under .git/warden) hold none either; git's objects are compressed.
    const written = walk(path.join(repo.dir, ".git")).filter((file) => file.includes(`${path.sep}warden${path.sep}`));
    expect(written.filter((file) => needles.some((n) => readFileSync(file, "latin1").includes(n)))).toEqual([]);
  });
});
