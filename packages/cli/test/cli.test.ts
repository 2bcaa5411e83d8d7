import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, WARDEN_BIN, type TempRepo } from "@warden/test-utils";

const repos: TempRepo[] = [];
function repo(files: Record<string, string>): TempRepo {
  const r = gitRepo(files);
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';

function oneLine(text: string): void {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
}

describe("exit codes", () => {
  it("stops quietly when the reader closes the pipe early", () => {
    const piped = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${WARDEN_BIN}" rules | true`], { encoding: "utf8" });
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
  });

  it("exits 0 on a clean tree, 1 with findings", () => {
    const clean = repo({ "a.ts": "export const a = 1;\n" });
    expect(clean.warden(["check"]).code).toBe(0);
    const dirty = repo({ "a.ts": PLACEHOLDER });
    const result = dirty.warden(["check"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("a.ts:2:3");
  });

  it("exits 0 when only warnings are found", () => {
    const r = repo({ "a.ts": PLACEHOLDER, "warden.config.json": JSON.stringify({ rules: { "real/no-placeholder": "warn" } }) });
    const result = r.warden(["check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 problem \(0 errors, 1 warning\)/);
  });
});

describe("bad input: exit 2 and one clear line", () => {
  it("a malformed warden.config.ts", () => {
    const r = repo({ "warden.config.ts": "export default { rules: {\n", "a.ts": "" });
    const result = r.warden(["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^warden: warden\.config\.ts:2:1: cannot load config: syntax error: /);
    oneLine(result.stderr);
  });

  it("an invalid config value names the key path", () => {
    const r = repo({ "warden.config.ts": 'export default { ignore: "dist" };\n' });
    const result = r.warden(["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^warden: warden\.config\.ts: ignore: .*expected array/);
    oneLine(result.stderr);
  });

  it("an unknown rule id, with a did-you-mean", () => {
    const r = repo({ "warden.config.ts": 'export default { rules: { "real/no-placeholders": "off" } };\n' });
    const result = r.warden(["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'warden: warden.config.ts: rules: unknown rule "real/no-placeholders" (did you mean "real/no-placeholder"?); `warden rules` lists them\n',
    );
  });

  it("an unknown option, with a suggestion", () => {
    const r = repo({});
    const result = r.warden(["check", "--stagged"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("warden: unknown option '--stagged' (did you mean --staged?)\n");
    const command = r.warden(["chek"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("warden: unknown command 'chek' (did you mean check?)\n");
  });

  it("an unknown format, conflicting targets, a missing path and a bad ref", () => {
    const r = repo({ "a.ts": "" });
    const format = r.warden(["check", "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^warden: option .*argument 'xml' is invalid.*pretty, json, sarif, github[^\n]*\n$/);
    const both = r.warden(["check", "--staged", "a.ts"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^warden: choose one of --staged, --since REF, .*or paths\n$/);
    const missing = r.warden(["check", "nope.ts"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("warden: nope.ts: no such file or directory\n");
    r.commit("chore: init", { noVerify: true });
    const ref = r.warden(["check", "--since", "nowhere"]);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toBe("warden: --since nowhere: no such commit or ref\n");
  });

  it("outside a git repository", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { runWarden } = await import("@warden/test-utils");
    const dir = mkdtempSync(path.join(tmpdir(), "warden-nogit-"));
    try {
      const result = runWarden(dir, ["check"]);
      expect(result.code).toBe(2);
      // One line, then the error's hint on a second.
      const [line, hint, ...rest] = result.stderr.split("\n");
      expect(line).toMatch(/^warden: .* is not inside a git work tree$/);
      expect(hint).toMatch(/^ {2}hint: run it inside a git repository/);
      expect(rest).toEqual([""]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unknown hook", () => {
    const result = repo({}).warden(["hook", "post-merge"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('warden: unknown hook "post-merge" (expected one of: pre-commit, commit-msg, pre-push)\n');
  });
});

describe("--help", () => {
  it.each([[[]], [["check"]], [["rules"]], [["hook"]], [["server"]], [["server", "status"]], [["server", "stop"]]])("prints usage for %j and exits 0", (command) => {
    const result = repo({}).warden([...command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: warden/);
  });
});

describe("output formats and targets", () => {
  it("writes JSON findings and checks only the given paths", () => {
    const r = repo({ "a.ts": PLACEHOLDER, "b/c.ts": PLACEHOLDER });
    const result = r.warden(["check", "b", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { file: string; ruleId: string; line: number }[]; summary: { files: number } };
    expect(report.findings.map((f) => [f.file, f.ruleId, f.line])).toEqual([["b/c.ts", "real/no-placeholder", 2]]);
    expect(report.summary.files).toBe(1);
  });

  it("writes GitHub annotations", () => {
    const result = repo({ "a.ts": PLACEHOLDER }).warden(["check", "-f", "github"]);
    expect(result.stdout).toMatch(/^::error file=a\.ts,line=2,col=3,/m);
  });

  it("checks files changed since a ref, untracked included", () => {
    const r = repo({ "old.ts": PLACEHOLDER });
    r.commit("chore: init", { noVerify: true });
    r.write({ "new.ts": PLACEHOLDER });
    const result = r.warden(["check", "--since", "HEAD", "--format", "json"]);
    const report = JSON.parse(result.stdout) as { findings: { file: string }[] };
    expect(report.findings.map((f) => f.file)).toEqual(["new.ts"]);
  });

  it("honours per-path overrides and config ignores", () => {
    const r = repo({
      "legacy/a.ts": PLACEHOLDER,
      "gen/b.ts": PLACEHOLDER,
      "src/c.ts": PLACEHOLDER.replace("export function", "/** Pays. */\nexport function"),
      "warden.config.json": JSON.stringify({ ignore: ["gen/**"], overrides: [{ files: ["legacy/**"], rules: { "real/no-placeholder": "off" } }] }),
    });
    const report = JSON.parse(r.warden(["check", "-f", "json"]).stdout) as { findings: { file: string }[] };
    expect(report.findings.map((f) => f.file)).toEqual(["src/c.ts"]);
  });
});

describe("warden rules", () => {
  it("lists every rule with its written rule and state in this config", () => {
    const r = repo({ "warden.config.json": JSON.stringify({ rules: { "logging/no-console": "off" } }) });
    const result = r.warden(["rules", "--json"]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { rules: { id: string; level: string; writtenRule: string; docs: string }[] };
    const byId = new Map(data.rules.map((rule) => [rule.id, rule]));
    expect(byId.get("logging/no-console")?.level).toBe("off");
    // docs: the page that came with the running Warden (here: this repository's), never a path relative to the checked repository.
    const docs = byId.get("real/no-placeholder")?.docs ?? "";
    expect(byId.get("real/no-placeholder")).toMatchObject({ level: "error", writtenRule: "Rule 1 — Real implementation only" });
    expect(path.isAbsolute(docs) && docs.endsWith(path.join("docs", "rules", "real", "no-placeholder.md"))).toBe(true);
    expect(statSync(docs).isFile()).toBe(true);
    const text = r.warden(["rules"]).stdout;
    expect(text).toMatch(/Rule 1 — Real implementation only\n(?:.*\n)*?\s+real\/no-placeholder\s+error\s/);
  });
});

describe("compile cache (Node < 22.1)", () => {
  it("keeps one cache for every repository and rewrites it only when a module changed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-v8cache-"));
    try {
      const run = (cwd: string): void => {
        const result = spawnSync(process.execPath, [WARDEN_BIN, "check", "--staged"], {
          cwd,
          encoding: "utf8",
          env: { ...process.env, V8_COMPILE_CACHE_CACHE_DIR: dir, WARDEN_DAEMON: "0" },
        });
        expect(result.status, result.stderr).toBe(0);
      };
      const first = repo({ "a.ts": "export const a = 1;\n" });
      first.git(["add", "a.ts"]);
      run(first.dir);
      const blobs = (): string[] => readdirSync(dir).filter((name) => name.endsWith(".BLOB"));
      if (typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function") {
        expect(blobs()).toEqual([]); // Node's own compile cache is used instead
        return;
      }
      expect(blobs()).toEqual(["warden.BLOB"]);
      const written = statSync(path.join(dir, "warden.BLOB")).mtimeMs;
      const second = repo({ "b.ts": "export const b = 2;\n" });
      second.git(["add", "b.ts"]);
      run(second.dir);
      run(first.dir);
      expect(blobs()).toEqual(["warden.BLOB"]);
      expect(statSync(path.join(dir, "warden.BLOB")).mtimeMs).toBe(written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
