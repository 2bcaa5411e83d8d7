import { createRequire } from "node:module";
import type AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { FindingSchema, renderGithub, renderJson, renderPretty, renderSarif, reporterFor, type Finding, type Report } from "@warden/core";

const require = createRequire(import.meta.url);
const Ajv = (require("ajv-draft-04") as typeof AjvDraft04).default;

const finding: Finding = {
  ruleId: "real/no-placeholder",
  messageId: "thrown",
  severity: "error",
  message: "Placeholder throw: the function exists but is not implemented.",
  file: "src/pay ments.ts",
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 38,
  hint: "Implement the function.",
  rule: "Rule 1 — Real implementation only",
  docs: "docs/rules/real/no-placeholder.md",
  fingerprint: "0123456789abcdef0123",
};
const warning: Finding = { ...finding, ruleId: "types/no-explicit-any", severity: "warn", line: 1, column: 20, fingerprint: "abcdefabcdefabcdef12", message: "Explicit `any`, 100%: a,b" };

function report(findings: Finding[], sources?: Map<string, string>): Report {
  return {
    tool: { name: "warden", version: "0.1.0" },
    command: "warden check",
    findings,
    summary: { files: 3, durationMs: 12.4 },
    rules: [{ id: "real/no-placeholder", description: "No placeholders.", enforces: "Rule 1", docs: "docs/rules/real/no-placeholder.md" }],
    ...(sources === undefined ? {} : { sources }),
  };
}
const source = new Map([["src/pay ments.ts", "export function f(x: any) {\n  throw new Error(\"not implemented\");\n}\n"]]);
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe("pretty reporter", () => {
  it("shows location, rule, written rule, code frame, hint and docs, without colour when disabled", () => {
    const text = renderPretty(report([finding], source), { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toContain("src/pay ments.ts:2:3  error  Placeholder throw");
    expect(text).toContain("real/no-placeholder");
    expect(text).toContain("Rule 1 — Real implementation only");
    expect(text).toContain('> 2 |   throw new Error("not implemented");');
    expect(text).toMatch(/\| {3}\^{35}/);
    expect(text).toContain("hint: Implement the function.");
    expect(text).toContain("docs: docs/rules/real/no-placeholder.md");
    expect(text).toMatch(/1 problem \(1 error, 0 warnings\)/);
  });

  it("colours output when enabled", () => {
    expect(renderPretty(report([finding], source), { color: true })).toMatch(ANSI);
  });

  it("never prints source text for sensitive findings", () => {
    const secretSource = new Map([["src/pay ments.ts", "a\nconst key = 'very-secret-value';\n"]]);
    const text = renderPretty(report([{ ...finding, sensitive: true }], secretSource), { color: false });
    expect(text).not.toContain("very-secret-value");
  });

  it("summarises a clean run", () => {
    expect(renderPretty(report([]), { color: false })).toMatch(/✔ warden check: no problems \(3 files in 12 ms\)/);
  });
});

describe("json reporter", () => {
  it("writes version, tool, summary and findings that validate against the Finding schema", () => {
    const parsed = JSON.parse(renderJson(report([finding, warning]))) as { version: number; findings: unknown[]; summary: { files: number } };
    expect(parsed.version).toBe(1);
    expect(parsed.summary.files).toBe(3);
    expect(parsed.findings).toHaveLength(2);
    for (const f of parsed.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  });
});

describe("sarif reporter", () => {
  it("produces a log valid against the official SARIF 2.1.0 JSON schema", () => {
    const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const log = JSON.parse(renderSarif(report([finding, warning]))) as { runs: { results: { level: string; ruleIndex: number }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run?.results.map((r) => r.level)).toEqual(["error", "warning"]);
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(["real/no-placeholder", "types/no-explicit-any"]);
    expect(run?.results[1]?.ruleIndex).toBe(1);
  });
});

describe("skipped files and notes", () => {
  const skipped = [
    { file: "gen.ts", reason: "too-large" as const, size: 1_153_434, limit: 1_048_576, setting: "maxFileSize" },
    { file: "dump.bin", reason: "too-large" as const, size: 9_000_000, limit: 5_242_880, setting: "secrets.maxFileSize", commit: "a".repeat(40) },
  ];
  const withSkipped: Report = { ...report([finding]), summary: { files: 3, durationMs: 1, skipped, notes: ["shallow clone: scanned 1 commit"] } };

  it("every format reports them: pretty lines, json summary, sarif notifications (schema-valid), github notices", () => {
    const pretty = renderPretty(withSkipped, { color: false });
    expect(pretty).toMatch(/in \d+ ms; 2 skipped\n/);
    expect(pretty).toContain("  skipped gen.ts: 1.1 MiB, over the 1 MiB limit (maxFileSize)");
    expect(pretty).toContain("  skipped dump.bin (commit aaaaaaaaaa): 8.6 MiB, over the 5 MiB limit (secrets.maxFileSize)");
    expect(pretty).toContain("  note: shallow clone: scanned 1 commit");
    expect((JSON.parse(renderJson(withSkipped)) as { summary: { skipped: unknown } }).summary.skipped).toEqual(skipped);
    const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(renderSarif(withSkipped)) as { runs: { invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] };
    expect(validate(log)).toBe(true);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications.map((n) => [n.level, n.message.text.split(":")[0]])).toEqual([
      ["warning", "skipped gen.ts"],
      ["warning", "skipped dump.bin (commit aaaaaaaaaa)"],
      ["note", "shallow clone"],
    ]);
    const github = renderGithub(withSkipped);
    expect(github).toContain("::notice file=gen.ts,title=warden%3A file skipped::skipped gen.ts: 1.1 MiB, over the 1 MiB limit (maxFileSize)");
    expect(github).toContain("::notice title=warden::shallow clone: scanned 1 commit");
  });

  it("names the first ten in pretty output and counts the rest", () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ file: `f${i}.bin`, reason: "too-large" as const, size: 10, limit: 1 }));
    const pretty = renderPretty({ ...report([]), summary: { files: 0, durationMs: 1, skipped: many } }, { color: false });
    expect(pretty.match(/^ {2}skipped f\d+\.bin/gm)).toHaveLength(10);
    expect(pretty).toContain("skipped 3 more (--format json lists them all)");
  });
});

describe("github reporter", () => {
  it("writes one workflow command per finding with escaped properties and data", () => {
    const lines = renderGithub(report([finding, warning])).trim().split("\n");
    expect(lines[0]).toBe(
      "::error file=src/pay ments.ts,line=2,col=3,endLine=2,endColumn=38,title=real/no-placeholder (Rule 1 — Real implementation only)::Placeholder throw: the function exists but is not implemented.%0AFix: Implement the function.",
    );
    expect(lines[1]).toMatch(/^::warning file=src\/pay ments\.ts,line=1,col=20,.*::Explicit `any`, 100%25: a,b%0AFix/);
  });
});

describe("reporterFor", () => {
  it("rejects an unknown format with the list of formats", () => {
    expect(() => reporterFor("xml")).toThrow('unknown format "xml" (expected one of: pretty, json, sarif, github)');
  });
});
