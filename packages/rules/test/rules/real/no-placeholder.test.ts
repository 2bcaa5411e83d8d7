import { describe, expect, it } from "vitest";
import { positions, runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "real/no-placeholder";
const marker = (word: string) => `// ${word}: finish this`;

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      // Beside an unsupported-case throw and a message about a template field: a throw that admits missing code.
      ["packages/billing/src/caller.ts", 7, "Placeholder throw: the function exists but is not implemented."],
      ["packages/billing/src/invoice.ts", 6, "Unfinished-work marker TODO left in a comment."],
      ["packages/billing/src/invoice.ts", 12, "Comment says the code is a placeholder (\"placeholder implementation\")."],
      ["packages/billing/src/invoice.ts", 16, "Unfinished-work marker FIXME left in a comment."],
      ["packages/billing/src/invoice.ts", 22, "Placeholder throw: the function exists but is not implemented."],
      ["packages/billing/src/invoice.ts", 26, "Placeholder throw: the function exists but is not implemented."],
      ["packages/billing/src/invoice.ts", 30, "Unfinished-work marker TODO left in a comment."],
      ["packages/billing/src/invoice.ts", 35, "Unfinished-work marker FIXME left in a comment."],
      ["packages/billing/src/legacy.mjs", 3, "Unfinished-work marker XXX left in a comment."],
      ["packages/billing/src/legacy.mjs", 6, "Unfinished-work marker HACK left in a comment."],
      ["packages/billing/src/legacy.mjs", 10, "Placeholder throw: the function exists but is not implemented."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 1 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("keeps every fingerprint when the code moves 50 lines down", async () => {
    const before = await checkFixture(ID, "bad");
    const moved = await checkFixture(ID, "bad-moved");
    expect(moved.map((f) => [f.file, f.line])).toEqual(before.map((f) => [f.file, f.line + 50]));
    expect(moved.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it("keeps every fingerprint when the code is reformatted (re-indented, wrapped, trailing commas)", async () => {
    const before = await checkFixture(ID, "bad");
    const reformatted = await checkFixture(ID, "bad-reformatted");
    expect(reformatted.map((f) => [f.file, f.message])).toEqual(before.map((f) => [f.file, f.message]));
    expect(reformatted.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it("reports each unfinished-work marker in comments at its position", async () => {
    const code = ["export const a = 1; " + marker("TODO"), "/* FIXME later */", "/**", " * XXX broken", " */", "export const b = 2;", marker("HACK")].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(positions(findings)).toEqual([
      [ID, 1, 24],
      [ID, 2, 4],
      [ID, 4, 4],
      [ID, 7, 4],
    ]);
    expect(findings[0]?.message).toBe("Unfinished-work marker TODO left in a comment.");
    expect(findings[0]?.rule).toBe("Rule 1 — Real implementation only");
  });

  it("reports comments that admit a placeholder and throws that say not implemented", async () => {
    const code = [
      "export function pay(): void {",
      "  // placeholder implementation until the API exists",
      "  throw new Error('Not implemented yet');",
      "}",
      "export function later(): never {",
      "  throw new NotImplementedError();",
      "}",
    ].join("\n");
    const findings = await runRule(ID, { "src/pay.ts": code });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [2, 'Comment says the code is a placeholder ("placeholder implementation").'],
      [3, "Placeholder throw: the function exists but is not implemented."],
      [6, "Placeholder throw: the function exists but is not implemented."],
    ]);
  });

  it("ignores the words inside strings, lower-case prose and identifiers", async () => {
    const code = [
      'export const label = "TODO list";',
      "export const todo = 1; // the todo list component",
      "const t = `// " + "FIXME in a template`;",
      "export function xxx(): string { return 'placeholder'; }",
      "throw new Error('unreachable: state ' + t);",
    ].join("\n");
    expect(await runRule(ID, { "src/ok.ts": code })).toEqual([]);
  });

  it("keeps a marker's fingerprint when the line moves", async () => {
    const before = await runRule(ID, { "src/a.ts": `export const a = 1;\n${marker("TODO")}\n` });
    const after = await runRule(ID, { "src/a.ts": `\n\n\nexport const a = 1;\n\n${marker("TODO")}\n` });
    expect(before[0]?.line).not.toBe(after[0]?.line);
    expect(before[0]?.fingerprint).toBe(after[0]?.fingerprint);
  });

  it("checks JavaScript files too and leaves other files alone", async () => {
    const findings = await runRule(ID, { "lib/a.mjs": marker("TODO"), "notes.txt": marker("TODO") });
    expect(findings.map((f) => f.file)).toEqual(["lib/a.mjs"]);
  });
});
