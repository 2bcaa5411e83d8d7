import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  cacheDirOf,
  colorEnabled,
  escapeControl,
  installRedactor,
  readEnv,
  redactLayout,
  redactText,
  renderGithub,
  renderPretty,
  ResultCache,
  type Finding,
  type Redactor,
} from "@warden/core";

// A stand-in for the detector-backed redactor the CLI installs: "tok_" and 20 letters or digits,
// and a BEGIN…END block. Built at run time so this file holds no token shape.
const PREFIX = ["to", "k_"].join("");
const TOKEN = `${PREFIX}${"a1B2c3D4e5F6g7H8i9J0"}`;
const fake: Redactor = {
  find(text) {
    const spans: [number, number][] = [];
    for (const m of text.matchAll(new RegExp(`${PREFIX}[A-Za-z0-9]{20}|BEGIN[\\s\\S]*?END`, "g"))) spans.push([m.index, m.index + m[0].length]);
    return spans;
  },
};

afterEach(() => installRedactor(undefined));

describe("redactText and redactLayout", () => {
  it("masks every span found, keeping at most 4 characters, and leaves other text alone", () => {
    const text = `a ${TOKEN} b ${TOKEN}`;
    expect(redactText(text, fake)).toBe(`a ${PREFIX}******** b ${PREFIX}********`);
    expect(redactText("nothing here", fake)).toBe("nothing here");
    expect(redactText(text)).toBe(text); // nothing installed
  });

  it("keeps the layout of source text: same length, line breaks kept", () => {
    const source = `x = "${TOKEN}";\nBEGIN\nabcdefgh\nEND\n`;
    const out = redactLayout(source, fake);
    expect(out).toHaveLength(source.length);
    expect(out.split("\n")).toHaveLength(source.split("\n").length);
    expect(out).not.toContain(TOKEN.slice(4));
    expect(out).not.toContain("abcdefgh");
  });

  it("a failing redactor masks every token-like run instead of letting text through", () => {
    const broken: Redactor = {
      find() {
        throw new Error("boom");
      },
    };
    expect(redactText(`see ${TOKEN}`, broken)).not.toContain(TOKEN);
  });
});

describe("escapeControl", () => {
  it("writes terminal controls and bidi overrides visibly", () => {
    expect(escapeControl("a\u001b[31mb\nc\r\t\u0007\u202e")).toBe("a\\x1b[31mb\\nc\\r\\t\\x07\\u202e");
    expect(escapeControl("plain — ✔ é")).toBe("plain — ✔ é");
  });
});

const base: Finding = {
  ruleId: "logging/no-console",
  messageId: "console",
  severity: "error",
  message: "`console.log` in library code.",
  file: "src/lib.ts",
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 12,
  fingerprint: "0123456789abcdef0123",
};

describe("pretty reporter at the output boundary", () => {
  it("masks a secret on a code-frame line of a rule finding (not only sensitive ones), also past the 160-column cut", () => {
    installRedactor(fake);
    const long = `console.log(${" ".repeat(140)}"${TOKEN}")`;
    const out = renderPretty(
      {
        tool: { name: "warden", version: "0" },
        command: "warden check",
        findings: [base, { ...base, file: "src/long.ts" }],
        summary: { files: 2, durationMs: 1 },
        sources: new Map([
          ["src/lib.ts", `console.log("${TOKEN}")\n`],
          ["src/long.ts", `${long}\n`],
        ]),
      },
      { color: false },
    );
    expect(out).toContain(`console.log("${PREFIX}${"*".repeat(TOKEN.length - 4)}")`);
    expect(out).not.toContain(TOKEN.slice(4, 12));
  });

  it("escapes control characters of file names and source lines, names the commit, and spells plurals", () => {
    const out = renderPretty(
      {
        tool: { name: "warden", version: "0" },
        command: "warden scan --range a..b",
        findings: [{ ...base, file: "evil\u001b]0;pwned\u0007\n.ts", commit: "0123456789abcdef0123456789abcdef01234567" }],
        summary: { files: 1, durationMs: 1, commits: 1, bytes: 1 },
        sources: new Map([["evil\u001b]0;pwned\u0007\n.ts", "console.log(1)\u001b[2J\n"]]),
      },
      { color: false },
    );
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(out).toContain("evil\\x1b]0;pwned\\x07\\n.ts:1:1");
    expect(out).toContain("console.log(1)\\x1b[2J");
    expect(out).toContain("commit: 0123456789ab");
    expect(out).toContain("1 file, 1 commit, 1 byte");
  });

  it("github format escapes control characters of file names too", () => {
    const out = renderGithub({ tool: { name: "warden", version: "0" }, command: "warden check", findings: [{ ...base, file: "a\u001b[31m.ts" }], summary: { files: 1, durationMs: 1 } });
    expect(out).not.toContain("\u001b");
    expect(out).toContain("1 problem, 1 error in 1 file");
  });
});

describe("colour", () => {
  it("TERM=dumb, NO_COLOR and a non-terminal get no colour; FORCE_COLOR wins", () => {
    expect(colorEnabled({ isTTY: true }, readEnv({ TERM: "dumb" }))).toBe(false);
    expect(colorEnabled({ isTTY: true }, readEnv({ NO_COLOR: "1" }))).toBe(false);
    expect(colorEnabled({ isTTY: false }, readEnv({}))).toBe(false);
    expect(colorEnabled({ isTTY: true }, readEnv({ TERM: "xterm-256color" }))).toBe(true);
    expect(colorEnabled({ isTTY: false }, readEnv({ TERM: "dumb", FORCE_COLOR: "1" }))).toBe(true);
  });
});

describe("result cache location and content", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const repo = (withNodeModules: boolean): string => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-cache-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, ".git"));
    if (withNodeModules) mkdirSync(path.join(dir, "node_modules"));
    return dir;
  };

  it("lives in the git dir when the repository has no node_modules, and never creates node_modules", async () => {
    const dir = repo(false);
    expect(cacheDirOf(dir)).toBe(path.join(dir, ".git", "warden", "cache"));
    const cache = await ResultCache.open(dir, "1.0.0");
    cache.set("k", { ok: 1 });
    await cache.save();
    expect(existsSync(path.join(dir, ".git/warden/cache/results-1.0.0.json"))).toBe(true);
    expect(existsSync(path.join(dir, "node_modules"))).toBe(false);
  });

  it("uses node_modules/.cache/warden when node_modules exists, and follows a worktree's .git file", () => {
    expect(cacheDirOf(repo(true))).toBe(path.join(dirs[dirs.length - 1] as string, "node_modules/.cache/warden"));
    const worktree = mkdtempSync(path.join(tmpdir(), "warden-wt-"));
    dirs.push(worktree);
    writeFileSync(path.join(worktree, ".git"), "gitdir: /somewhere/.git/worktrees/x\n");
    expect(cacheDirOf(worktree)).toBe("/somewhere/.git/worktrees/x/warden/cache");
  });

  it("never stores an entry that holds a secret", async () => {
    installRedactor(fake);
    const dir = repo(false);
    const cache = await ResultCache.open(dir, "1");
    cache.set("clean", { message: "fine" });
    cache.set("dirty", { message: `quoted ${TOKEN}` });
    await cache.save();
    const reopened = await ResultCache.open(dir, "1");
    expect(reopened.get("clean")).toEqual({ message: "fine" });
    expect(reopened.get("dirty")).toBeUndefined();
  });
});
