import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@warden/test-utils";
import { BUILTIN_RULES } from "@warden/rules";
import { runExample } from "./helpers.js";

const SECTIONS = ["## What it reports", "## Why", "## The written rule", "## Examples", "## How to fix", "## Options"];

/**
 * One example of a docs page: a fenced block whose info string is `LANG bad|good [file=PATH]
 * [messageId=ID,…] [full] [options={…}]`, with the fences `LANG with file=PATH` after it as the other files of
 * the example's repository; `text bad commit` / `text good commit` for a commit message (the
 * example's files are what the commit changes); `text bad files` for a list of paths.
 * A bad example states the messageIds it reports; a good one reports nothing.
 */
interface Example {
  readonly kind: "bad" | "good";
  readonly files: Record<string, string>;
  readonly commit: string | undefined;
  readonly messageIds: readonly string[];
  readonly mode: "full" | "changes";
  /** The rule's options for this example (`options={"key":"value"}`, no spaces). */
  readonly options: Record<string, unknown> | undefined;
  readonly info: string;
}

function attribute(info: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(info)?.[1];
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const fence = /^(```|~~~~)(\S+)[ \t]+((?:bad|good|with)\b[^\n]*)\n([\s\S]*?)^\1$/gm;
  for (let match = fence.exec(markdown); match !== null; match = fence.exec(markdown)) {
    const language = match[2] ?? "";
    const info = (match[3] ?? "").trim();
    const code = match[4] ?? "";
    const kind = info.split(/\s+/)[0] as "bad" | "good" | "with";
    const file = attribute(info, "file") ?? (/^(ts|js|tsx)$/.test(language) ? `src/example.${language}` : undefined);
    if (kind === "with") {
      const last = found[found.length - 1];
      if (last === undefined || file === undefined) throw new Error(`a \`with\` block needs an example before it and a file=: ${info}`);
      last.files[file] = code;
      continue;
    }
    const commit = /\scommit\b/.test(` ${info}`) ? code.trimEnd() : undefined;
    // `files`: the block lists paths (one a line, a trailing "(note)" ignored), each an empty file ("{}" for JSON).
    const listed = /\sfiles\b/.test(` ${info}`)
      ? Object.fromEntries(
          code
            .split("\n")
            .map((line) => line.replace(/\s+\(.*\)\s*$/, "").trim())
            .filter((line) => line !== "")
            .map((line) => [line, line.endsWith(".json") ? "{}\n" : ""]),
        )
      : undefined;
    if (commit === undefined && listed === undefined && file === undefined) throw new Error(`example \`${language} ${info}\` needs file=PATH`);
    found.push({
      kind,
      files: listed ?? (commit === undefined && file !== undefined ? { [file]: code } : {}),
      commit,
      messageIds: (attribute(info, "messageId") ?? "").split(",").filter((id) => id !== ""),
      mode: /\sfull\b/.test(` ${info}`) ? "full" : "changes",
      options: attribute(info, "options") === undefined ? undefined : (JSON.parse(attribute(info, "options") ?? "{}") as Record<string, unknown>),
      info: `${language} ${info}`,
    });
  }
  return found;
}

/**
 * Rules whose docs examples compare two commits (a base state and the pushed one): the meta-test
 * runs examples in a plain folder with no git history, so these are not executed here. Known gap.
 */
const EXAMPLES_NEED_HISTORY = new Map([["changes/api-break-major", "the API of a base commit against the pushed one"]]);

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

      const noHistory = EXAMPLES_NEED_HISTORY.get(rule.id);
      if (noHistory !== undefined) {
        // Not run here (see EXAMPLES_NEED_HISTORY); its own test must report each of its messageIds.
        it(`its examples need git history (${noHistory}); its own test reports every messageId`, () => {
          const own = readFileSync(path.join(REPO_ROOT, "packages/rules/test/rules", `${rule.id}.test.ts`), "utf8");
          for (const id of Object.keys(rule.messages)) expect(own, `${rule.id}.test.ts never names ${id}`).toContain(id);
        });
        return;
      }
      it("reports every bad example of its docs page with the messageIds it shows, and none of the good ones", async () => {
        const markdown = existsSync(docsFile) ? readFileSync(docsFile, "utf8") : "";
        const cases = examples(markdown);
        expect(cases.filter((c) => c.kind === "bad").length, `${rule.docs} has no bad example`).toBeGreaterThan(0);
        expect(cases.filter((c) => c.kind === "good").length, `${rule.docs} has no good example`).toBeGreaterThan(0);
        for (const example of cases) {
          const findings = await runExample(rule.id, example);
          const shown = [...new Set(findings.map((f) => f.messageId))].sort();
          if (example.kind === "bad") {
            expect(example.messageIds.length, `bad example \`${example.info}\` names no messageId`).toBeGreaterThan(0);
            for (const id of example.messageIds) expect(Object.keys(rule.messages), `${example.info}: unknown messageId ${id}`).toContain(id);
            expect(shown, `bad example \`${example.info}\``).toEqual([...example.messageIds].sort());
          } else {
            expect(findings.map((f) => `${f.file}:${f.line} ${f.messageId}`), `good example \`${example.info}\` reported`).toEqual([]);
          }
        }
      });
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
