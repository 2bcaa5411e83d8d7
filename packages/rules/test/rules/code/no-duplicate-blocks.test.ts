import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

const RULE = "code/no-duplicate-blocks";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([["src/invoice.ts", 2, 1, "duplicate"]]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 4 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("respects a larger minimum size", async () => {
    expect(await checkFixture(RULE, "bad", { minTokens: 200 })).toEqual([]);
  });

  it("keeps its fingerprint when the copy moves down the file", async () => {
    const [before] = await checkFixture(RULE, "bad");
    const [after] = await checkFixture(RULE, "bad-moved");
    expect(after?.line).toBeGreaterThan(before?.line ?? 0);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });

  it("keeps its fingerprint when other files are read first (it hashes token texts, not the check's token numbering)", async () => {
    const body = (name: string) =>
      `export function ${name}(rows: readonly number[]): number {\n  let total = 0;\n  for (const row of rows) {\n    if (row > 100) total += row * 2;\n    else if (row > 10) total += row + 5;\n    else total -= 1;\n  }\n  const rounded = Math.round(total * 100) / 100;\n  return rounded > 1000 ? 1000 : rounded < -1000 ? -1000 : rounded;\n}\n`;
    const files = { "src/b.ts": body("sum"), "src/c.ts": body("total") };
    const [alone] = await runRule(RULE, files, undefined, { mode: "full" });
    const [after] = await runRule(RULE, { "src/a.ts": 'export const words = ["alpha", "beta"] as const;\nexport type Word = (typeof words)[number];\n', ...files }, undefined, { mode: "full" });
    expect(alone?.fingerprint).toBeDefined();
    expect(after?.fingerprint).toBe(alone?.fingerprint);
  });

  it("tokenises past template literals and regular expressions", async () => {
    const body = (name: string) =>
      `export function ${name}(items: readonly string[]): string[] {\n  const out: string[] = [];\n  for (const item of items) {\n    const label = \`item \${item.trim()} of \${items.length}\`;\n    if (/^x+$/.test(label)) continue;\n    out.push(label.replace(/\\s+/g, "-").toLowerCase());\n  }\n  const joined = out.join(", ");\n  if (joined.length > 100) {\n    return out.slice(0, 10).map((entry) => \`\${entry}!\`);\n  }\n  return out.filter((entry) => entry !== "" && entry.length < 40 / 2);\n}\n`;
    const findings = await runRule("code/no-duplicate-blocks", { "src/a.ts": body("labels"), "src/b.ts": body("names") }, undefined, { mode: "full" });
    expect(locations(findings)).toEqual([["src/b.ts", 1, 1, "duplicate"]]);
  });

  it("leaves out generic type parameter and argument lists, and still finds the copied code between them", async () => {
    // Two long generic signatures alike (a library's generics repeat by necessity), with different bodies.
    const params = Array.from({ length: 14 }, (_, i) => `  TOn${i} extends undefined | Validator<TData, TName>,`).join("\n");
    const args = Array.from({ length: 14 }, (_, i) => `TOn${i}`).join(", ");
    const signature = (name: string, body: string) => `export function ${name}<\n  TData,\n  TName extends string,\n${params}\n>(api: Api<TData, TName, ${args}>): number {\n${body}\n}\n`;
    const generics = { "src/a.ts": signature("fieldOf", "  return api.size;"), "src/b.ts": signature("groupOf", "  return api.count * 2;") };
    expect(await runRule(RULE, generics, undefined, { mode: "full" })).toEqual([]);
    // The same bodies copied (beyond the generics) are still reported.
    const copied = Array.from({ length: 6 }, (_, i) => `  const v${i} = api.read("k${i}") ?? fallback(${i}, api.size);`).join("\n") + "\n  return v0 + v1 + v2 + v3 + v4 + v5;";
    const copies = { "src/a.ts": signature("fieldOf", copied), "src/b.ts": signature("groupOf", copied) };
    expect(locations(await runRule(RULE, copies, undefined, { mode: "full" }))).toEqual([["src/b.ts", 1, 1, "duplicate"]]);
  });
});
