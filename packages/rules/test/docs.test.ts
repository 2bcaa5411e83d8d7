import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@warden/test-utils";
import { BUILTIN_RULES } from "@warden/rules";
import { runRule } from "./helpers.js";

const SECTIONS = ["## What it reports", "## Why", "## The written rule", "## Examples", "## How to fix", "## Options"];

interface Example {
  readonly kind: "bad" | "good";
  readonly file: string;
  readonly code: string;
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const fence = /```(?:ts|js|tsx)\s+(bad|good)(?:\s+file=(\S+))?\n([\s\S]*?)```/g;
  for (let match = fence.exec(markdown); match !== null; match = fence.exec(markdown)) {
    found.push({ kind: match[1] as "bad" | "good", file: match[2] ?? "src/example.ts", code: match[3] ?? "" });
  }
  return found;
}

describe("every rule is a source module, a docs page and a test", () => {
  for (const rule of BUILTIN_RULES) {
    describe(rule.id, () => {
      const docsFile = path.join(REPO_ROOT, rule.docsPage);

      it("has a docs page with every section and its written rule", () => {
        expect(existsSync(docsFile), `${rule.docsPage} is missing`).toBe(true);
        const markdown = readFileSync(docsFile, "utf8");
        expect(markdown.startsWith(`# ${rule.id}\n`)).toBe(true);
        expect(markdown).toContain(`Enforces **${rule.enforces} —`);
        for (const section of SECTIONS) expect(markdown, `${rule.docsPage} lacks "${section}"`).toContain(section);
      });

      it("has a test file", () => {
        expect(existsSync(path.join(REPO_ROOT, "packages/rules/test/rules", `${rule.id}.test.ts`))).toBe(true);
      });

      if (rule.scope === "file" && !rule.languages.includes("*") && rule.languages.some((l) => l === "ts" || l === "js")) {
        it("reports every bad example of its docs page and none of the good ones", async () => {
          const markdown = existsSync(docsFile) ? readFileSync(docsFile, "utf8") : "";
          const cases = examples(markdown);
          expect(cases.filter((c) => c.kind === "bad").length).toBeGreaterThan(0);
          expect(cases.filter((c) => c.kind === "good").length).toBeGreaterThan(0);
          for (const example of cases) {
            const findings = await runRule(rule.id, { [example.file]: example.code });
            if (example.kind === "bad") expect(findings.length, `bad example not reported:\n${example.code}`).toBeGreaterThan(0);
            else expect(findings, `good example reported:\n${example.code}`).toEqual([]);
          }
        });
      }
    });
  }

  it("has no docs page without a rule", () => {
    const ids = new Set(BUILTIN_RULES.map((r) => r.id));
    const dir = path.join(REPO_ROOT, "docs/rules");
    const orphans: string[] = [];
    for (const category of readdirSync(dir, { withFileTypes: true })) {
      if (!category.isDirectory()) continue;
      for (const page of readdirSync(path.join(dir, category.name))) {
        const id = `${category.name}/${page.replace(/\.md$/, "")}`;
        if (page.endsWith(".md") && !ids.has(id)) orphans.push(id);
      }
    }
    expect(orphans).toEqual([]);
  });

  it("lists every message of a rule with a hint", () => {
    for (const rule of BUILTIN_RULES) {
      for (const [id, message] of Object.entries(rule.messages)) {
        expect(message.message, `${rule.id}.${id}`).toMatch(/\S/);
        expect(message.hint, `${rule.id}.${id}`).toMatch(/\S/);
      }
    }
  });
});
