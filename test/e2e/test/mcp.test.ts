import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { encode } from "gpt-tokenizer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_ENV, gitRepo, WARDEN_BIN, type TempRepo } from "@warden/test-utils";

// Made at run time: a GitHub token shape, so a leak would be recognisable.
const TOKEN = `ghp_${"R8mWq2Lz".repeat(4)}Xy7K`;
const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';

let repo: TempRepo;
let client: Client;

function textOf(result: unknown): string {
  return JSON.stringify(result);
}

beforeAll(async () => {
  repo = gitRepo({ "README.md": "# x\n", "src/ok.ts": "/** The answer. */\nexport const answer = 42;\n" });
  repo.commit("chore: init");
  repo.write({ "src/pay.ts": PLACEHOLDER, "src/config.ts": `/** Token. */\nexport const token = "${TOKEN}";\n` });
  // The server starts somewhere else: tools must use the root they are given.
  const transport = new StdioClientTransport({ command: process.execPath, args: [WARDEN_BIN, "mcp"], cwd: "/", env: GIT_ENV as Record<string, string>, stderr: "pipe" });
  client = new Client({ name: "warden-test", version: "1.0.0" });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client.close();
  repo.cleanup();
});

describe("warden mcp through the SDK's own client over stdio", () => {
  it("lists at most six read-only tools whose whole description is under 2,000 tokens", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["check", "explain", "rules", "scan_secrets", "status"]);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    const tokens = encode(JSON.stringify(tools)).length;
    expect(tokens).toBeLessThan(2000);
  });

  it("check returns structured findings with the written rule, and the staged changes or a diff as targets", async () => {
    const result = await client.callTool({ name: "check", arguments: { root: repo.dir, paths: ["src"] } });
    expect(result.isError).toBeFalsy();
    const findings = (result.structuredContent as { findings: { ruleId: string; file: string; line: number; column: number; writtenRule: string; hint: string; baselined: boolean }[] }).findings;
    const placeholder = findings.find((f) => f.ruleId === "real/no-placeholder");
    expect(placeholder).toMatchObject({ file: "src/pay.ts", line: 2, column: 3, baselined: false });
    expect(placeholder?.writtenRule).toMatch(/^Rule 1 — /);
    expect(placeholder?.hint).toBeTruthy();

    repo.git(["add", "src/pay.ts"]);
    const staged = await client.callTool({ name: "check", arguments: { root: repo.dir, staged: true } });
    expect((staged.structuredContent as { findings: { file: string }[] }).findings.map((f) => f.file)).toContain("src/pay.ts");
    repo.git(["reset", "-q"]);

    const diff = ["diff --git a/src/ok.ts b/src/ok.ts", "--- a/src/ok.ts", "+++ b/src/ok.ts", "@@ -1,2 +1,5 @@", " /** The answer. */", " export const answer = 42;", "+export function later(): void {", '+  throw new Error("not implemented");', "+}", ""].join("\n");
    const fromDiff = await client.callTool({ name: "check", arguments: { root: repo.dir, diff } });
    expect(fromDiff.isError).toBeFalsy();
    const diffFindings = (fromDiff.structuredContent as { findings: { ruleId: string; file: string; line: number }[] }).findings;
    expect(diffFindings.filter((f) => f.ruleId === "real/no-placeholder").map((f) => [f.file, f.line])).toEqual([["src/ok.ts", 4]]);
    // the repository itself is untouched: nothing staged, the work-tree file unchanged
    expect(repo.git(["diff", "--cached", "--name-only"]).stdout).toBe("");
    expect(repo.git(["status", "--porcelain", "src/ok.ts"]).stdout).toBe("");
  });

  it("scan_secrets returns redacted findings and fingerprints only; no response holds the secret", async () => {
    const result = await client.callTool({ name: "scan_secrets", arguments: { root: repo.dir, paths: ["src"] } });
    const findings = (result.structuredContent as { findings: { ruleId: string; file: string; fingerprint: string }[] }).findings;
    expect(findings.some((f) => f.file === "src/config.ts" && f.fingerprint.length >= 8)).toBe(true);
    expect(textOf(result)).not.toContain(TOKEN);
    const check = await client.callTool({ name: "check", arguments: { root: repo.dir, paths: ["src/config.ts"] } });
    expect(textOf(check)).not.toContain(TOKEN);
  });

  it("rules, explain and status answer from the given root", async () => {
    const rules = await client.callTool({ name: "rules", arguments: { root: repo.dir } });
    expect(textOf(rules.structuredContent)).toContain("real/no-placeholder");
    const explain = await client.callTool({ name: "explain", arguments: { root: repo.dir, id: "real/no-placeholder" } });
    expect(explain.structuredContent).toMatchObject({ id: "real/no-placeholder", writtenRule: expect.stringMatching(/^Rule 1 — /) });
    expect((explain.structuredContent as { howToFix: string | null }).howToFix).toBeTruthy();
    const status = await client.callTool({ name: "status", arguments: { root: repo.dir } });
    expect(status.structuredContent).toMatchObject({ baseline: { findings: 0 }, hooks: { "pre-commit": false } });
  });

  it("answers bad input with a clear error and never writes to the repository", async () => {
    const relative = await client.callTool({ name: "check", arguments: { root: "src" } });
    expect(relative.isError).toBe(true);
    expect(textOf(relative.content)).toContain("root must be an absolute path");
    const both = await client.callTool({ name: "check", arguments: { root: repo.dir, staged: true, paths: ["src"] } });
    expect(textOf(both.content)).toContain("give one of paths, staged or diff");
    const unknown = await client.callTool({ name: "explain", arguments: { root: repo.dir, id: "no/such-rule" } });
    expect(unknown.isError).toBe(true);
    const invalid = await client.callTool({ name: "check", arguments: { root: 42 } }).catch((error: unknown) => ({ isError: true, content: String(error) }));
    expect(invalid.isError).toBe(true);
    expect(repo.git(["status", "--porcelain"]).stdout.split("\n").filter((l) => l !== "").sort()).toEqual(["?? src/config.ts", "?? src/pay.ts"]);
  });
});
