import { describe, expect, it } from "vitest";
import { DETECTORS, SecretScanner } from "../src/index.js";
import { CASES, PATH_CASES, type Cases } from "./cases.js";

const scanner = new SecretScanner();

function scan(text: string, path = "src/config.ts") {
  return scanner.scan({ path, content: Buffer.from(text, "utf8") });
}

describe("detector catalogue", () => {
  it("has at least 180 detectors, unique ids, and a test case for every one", () => {
    expect(DETECTORS.length).toBeGreaterThanOrEqual(180);
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const tested = new Set([...Object.keys(CASES), ...Object.keys(PATH_CASES)]);
    expect(ids.filter((id) => !tested.has(id))).toEqual([]);
    expect([...tested].filter((id) => !ids.includes(id))).toEqual([]);
  });
});

describe.each(DETECTORS.filter((d) => d.kind === "content").map((d) => [d.id] as const))("%s", (id) => {
  const cases = CASES[id] as Cases;
  it("reports true positives, redacted, with a position and a fingerprint", () => {
    for (const make of cases.hit) {
      const text = `// settings\n${make()}\n`;
      const findings = scan(text).filter((f) => f.ruleId === `secrets/${id}`);
      expect(findings, `${id} should find a secret in:\n${text}`).toHaveLength(1);
      const finding = findings[0]!;
      expect(finding.line).toBeGreaterThanOrEqual(2);
      expect(finding.sensitive).toBe(true);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{20}$/);
      expect(finding.message).toContain("********");
      expect(finding.docs).toBe(`docs/secrets/detectors.md#${id}`);
      // The message shows at most 4 characters of the secret: no 8-character run of the fixture line leaks.
      const line = text.split("\n")[1]!;
      for (let i = 0; i + 8 <= line.length; i += 1) {
        const run = line.slice(i, i + 8);
        if (/[A-Za-z0-9]{8}/.test(run) && !/^(?:[a-z]+)$/.test(run)) expect(finding.message).not.toContain(run);
      }
    }
  });
  it("does not report look-alikes, placeholders and vendor examples", () => {
    for (const make of cases.miss) {
      const text = make();
      expect(scan(text).filter((f) => f.ruleId === `secrets/${id}`), `${id} should not report:\n${text}`).toEqual([]);
    }
  });
});

describe.each(Object.entries(PATH_CASES))("%s (file name)", (id, cases) => {
  it("reports matching paths and leaves the others", () => {
    // Content an .env file is reported for (env-file also looks at what the file holds).
    const content = `DB_PASSWORD=${"Zq8".repeat(3)}Lm4Kw7Rt2Xv9`;
    for (const path of cases.hit) {
      expect(scan(content, path).filter((f) => f.ruleId === `secrets/${id}`), path).toHaveLength(1);
    }
    for (const path of cases.miss) {
      expect(scan("nothing to see", path).filter((f) => f.ruleId === `secrets/${id}`), path).toEqual([]);
    }
  });
});
