// Every finding carries a messageId, in JSON and SARIF output, for rules and secret detectors alike.
import { describe, expect, it } from "vitest";
import { githubToken, useRepos } from "@warden/test-utils";

const useRepo = useRepos();

interface JsonFinding {
  readonly ruleId: string;
  readonly messageId?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

describe("messageId", () => {
  it("is on every finding of warden check and warden scan, in JSON and SARIF", () => {
    const repo = useRepo({
      "src/pay.ts": 'export function pay(): void {\n  throw new Error("not implemented");\n}\n// TODO: refunds\n',
      "src/config.ts": `export const token = "${githubToken()}";\n`,
      "id_rsa": "not a key, but a secret by its name\n",
    });
    const check = JSON.parse(repo.warden(["check", "-f", "json"]).stdout) as { findings: JsonFinding[] };
    expect(check.findings.length).toBeGreaterThan(1);
    for (const finding of check.findings) expect(finding.messageId, `${finding.ruleId} at ${finding.file}:${finding.line}`).toMatch(/^\w+$/);
    const placeholder = check.findings.filter((f) => f.ruleId === "real/no-placeholder").map((f) => [f.file, f.line, f.column, f.messageId]);
    expect(placeholder).toEqual([
      ["src/pay.ts", 2, 3, "thrown"],
      ["src/pay.ts", 4, 4, "marker"],
    ]);

    const scan = JSON.parse(repo.warden(["scan", "-f", "json"]).stdout) as { findings: JsonFinding[] };
    expect(scan.findings.map((f) => [f.ruleId, f.file, f.messageId]).sort()).toEqual([
      ["secrets/github-pat", "src/config.ts", "secretFound"],
      ["secrets/ssh-private-key-file", "id_rsa", "secretFile"],
    ]);

    const sarif = JSON.parse(repo.warden(["check", "-f", "sarif"]).stdout) as { runs: { results: { ruleId: string; properties: { messageId: string } }[] }[] };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.length).toBe(check.findings.length);
    for (const result of results) expect(result.properties.messageId, result.ruleId).toMatch(/^\w+$/);
  });
});
