import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { currentEnv, describeWrittenRule, isWardenError, redactText, repoRoot, runGit, runWithEnv, WardenError, type Finding } from "@warden/core";
import { z } from "zod";
import { redactingIo, type Io } from "../io.js";
import { VERSION } from "../version.js";

/** Every tool takes the repository explicitly: the server's working directory is never trusted. */
const Root = z.string().min(1).describe("Absolute path of the repository (any folder inside it).");
const Target = {
  root: Root,
  paths: z.array(z.string()).optional().describe("Files or folders, relative to root."),
  staged: z.boolean().optional().describe("The changes staged in the git index."),
  diff: z.string().optional().describe("A unified diff (git diff) applied to HEAD in a temporary index; the repository is not touched."),
};

/** A finding as agents receive it: where, what, which written rule, how to fix. Never source text. */
function agentFinding(f: Finding, baselined: boolean): Record<string, unknown> {
  const messageId = (f as Finding & { messageId?: string }).messageId;
  return {
    ruleId: f.ruleId,
    ...(messageId === undefined ? {} : { messageId }),
    writtenRule: f.rule ?? null,
    file: f.file,
    line: f.line,
    column: f.column,
    severity: f.severity,
    message: f.message,
    hint: f.hint ?? null,
    docs: f.docs ?? null,
    fingerprint: f.fingerprint,
    baselined,
  };
}

/** Roots already resolved by this server (each `git rev-parse` costs a fork of this long-lived process). */
const resolvedRoots = new Map<string, string>();

async function resolveRoot(root: string): Promise<string> {
  if (!path.isAbsolute(root)) throw new WardenError("USAGE", `root must be an absolute path, got "${root.slice(0, 80)}"`);
  if (!existsSync(root)) throw new WardenError("USAGE", `root ${root} does not exist`);
  const known = resolvedRoots.get(root);
  // Still a repository at the same place, and no repository of its own created below it since.
  if (known !== undefined && existsSync(path.join(known, ".git")) && (known === root || !existsSync(path.join(root, ".git")))) return known;
  const resolved = await repoRoot(root);
  resolvedRoots.set(root, resolved);
  return resolved;
}

/**
 * Run `fn` against the target: paths, the index, or a diff applied to HEAD in a temporary index
 * (GIT_INDEX_FILE) that is removed afterwards. At most one of the three.
 */
async function withTarget<T>(root: string, args: { paths?: string[] | undefined; staged?: boolean | undefined; diff?: string | undefined }, fn: (target: "staged" | readonly string[]) => Promise<T>): Promise<T> {
  const chosen = [args.paths !== undefined && args.paths.length > 0, args.staged === true, args.diff !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new WardenError("USAGE", "give one of paths, staged or diff");
  if (args.diff === undefined) return fn(args.staged === true ? "staged" : (args.paths ?? []));
  const dir = mkdtempSync(path.join(tmpdir(), "warden-mcp-"));
  try {
    const env = { ...currentEnv(), GIT_INDEX_FILE: path.join(dir, "index") };
    return await runWithEnv(env, async () => {
      await runGit(root, ["read-tree", "HEAD"]);
      const applied = await runGit(root, ["apply", "--cached", "--whitespace=nowarn", "-"], { input: args.diff, allowFailure: true });
      if (applied.code !== 0) throw new WardenError("USAGE", `the diff does not apply to HEAD: ${applied.stderr.trim().split("\n")[0] ?? ""}`);
      return fn("staged");
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Capture what a command writes, for tools that reuse a command's JSON output. */
function captureIo(cwd: string): { io: Io; out: () => string } {
  let text = "";
  const sink = { write: (chunk: string) => (text += chunk) };
  // Through the output redactor (installed by main()), like every other output of Warden.
  return { io: redactingIo({ cwd, stdout: sink, stderr: { write: () => true }, readStdin: () => Promise.resolve("") }), out: () => text };
}

function ok(structured: Record<string, unknown>, summary: string): { content: { type: "text"; text: string }[]; structuredContent: Record<string, unknown> } {
  return { content: [{ type: "text", text: redactText(summary) }], structuredContent: structured };
}

function failure(error: unknown): { content: { type: "text"; text: string }[]; isError: true } {
  const text = isWardenError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return { content: [{ type: "text", text: redactText(text) }], isError: true };
}

/** The docs page of a rule, when this installation has the docs (the repository, or docs shipped beside the CLI). */
function docsPage(docs: string): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const base of [path.resolve(here, "../../.."), path.resolve(here, "..")]) {
    const file = path.join(base, docs);
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  return undefined;
}

function section(markdown: string, title: string): string | undefined {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start < 0) return undefined;
  const rest = markdown.slice(start + title.length + 4);
  const end = rest.search(/\n## /);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** Build the server with its five read-only tools. */
export function createMcpServer(): McpServer {
  const server = new McpServer({ name: "warden", version: VERSION });
  const readOnly = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

  server.registerTool(
    "check",
    {
      description: "Check code against the team's written rules before committing. Returns findings with the written rule each breaks and how to fix it.",
      inputSchema: Target,
      annotations: readOnly,
    },
    async (args) => {
      try {
        const root = await resolveRoot(args.root);
        const { runCheck } = await import("./check.js");
        return await withTarget(root, args, async (target) => {
          const outcome = await runCheck(root, { target: target === "staged" ? { kind: "staged" } : { kind: "paths", paths: [...target] } }, { root });
          const fresh = new Set(outcome.findings.map((f) => f.fingerprint));
          const findings = outcome.all.map((f) => agentFinding(f, !fresh.has(f.fingerprint)));
          return ok({ findings, files: outcome.files, new: outcome.findings.length, baselined: outcome.baselined }, `${outcome.findings.length} new finding(s), ${outcome.baselined} baselined, ${outcome.files} file(s)`);
        });
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    "scan_secrets",
    {
      description: "Scan for hard-coded secrets. Returns redacted findings and fingerprints only, never the secret.",
      inputSchema: Target,
      annotations: readOnly,
    },
    async (args) => {
      try {
        const root = await resolveRoot(args.root);
        const { runScan } = await import("./scan.js");
        return await withTarget(root, args, async (target) => {
          const { io } = captureIo(root);
          const outcome = await runScan(io, { target: target === "staged" ? { kind: "staged" } : { kind: "paths", paths: target.length === 0 ? ["."] : [...target] }, workers: 0 });
          const findings = outcome.findings.map((f) => agentFinding(f, false));
          return ok({ findings }, `${findings.length} secret finding(s)`);
        });
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    "rules",
    {
      description: "The written rules, the checks enforcing each, and their state in this repository's config.",
      inputSchema: { root: Root },
      annotations: readOnly,
    },
    async (args) => {
      try {
        const root = await resolveRoot(args.root);
        const { rulesCommand } = await import("./rules.js");
        const { io, out } = captureIo(root);
        await rulesCommand(io, { json: true, format: "text", check: false });
        const parsed = JSON.parse(out()) as Record<string, unknown>;
        return ok(parsed, "the written rules and their checks");
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    "explain",
    {
      description: "Explain one check (by id, e.g. real/no-placeholder): the written rule, why, bad and good examples, how to fix.",
      inputSchema: { root: Root, id: z.string().min(3).describe("Check id, or a finding's ruleId.") },
      annotations: readOnly,
    },
    async (args) => {
      try {
        const root = await resolveRoot(args.root);
        const { BUILTIN_RULES } = await import("@warden/rules");
        const rule = BUILTIN_RULES.find((r) => r.id === args.id);
        if (rule === undefined) throw new WardenError("UNKNOWN_RULE", `no check "${args.id.slice(0, 60)}"; the rules tool lists them`);
        const page = docsPage(rule.docsPage);
        const structured = {
          id: rule.id,
          writtenRule: await citeRule(root, rule.id, describeWrittenRule(rule.enforces)),
          description: rule.description,
          messages: rule.messages,
          why: page === undefined ? null : (section(page, "Why") ?? null),
          examples: page === undefined ? null : (section(page, "Examples") ?? null),
          howToFix: page === undefined ? null : (section(page, "How to fix") ?? null),
          docs: rule.docs ?? rule.docsPage,
        };
        return ok(structured, `${rule.id}: ${rule.description}`);
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    "status",
    {
      description: "Repository status: baseline size and trend, hooks installed, last deploy outcome per environment.",
      inputSchema: { root: Root },
      annotations: readOnly,
    },
    async (args) => {
      try {
        const root = await resolveRoot(args.root);
        return ok(await repositoryStatus(root), "repository status");
      } catch (error) {
        return failure(error);
      }
    },
  );
  return server;
}

function baselineSize(text: string | undefined): number | null {
  if (text === undefined) return null;
  try {
    const parsed = JSON.parse(text) as { findings?: unknown[] } | unknown[];
    if (Array.isArray(parsed)) return parsed.length;
    if (Array.isArray(parsed.findings)) return parsed.findings.length;
    const values = Object.values(parsed as Record<string, unknown>).find(Array.isArray);
    return Array.isArray(values) ? values.length : null;
  } catch {
    return null;
  }
}

/** Facts for the `status` tool, read from the repository (nothing written). */
async function repositoryStatus(root: string): Promise<Record<string, unknown>> {
  const baselineFile = path.join(root, ".warden-baseline");
  const current = existsSync(baselineFile) ? readFileSync(baselineFile, "utf8") : undefined;
  const previous = await runGit(root, ["show", "HEAD~1:.warden-baseline"], { allowFailure: true });
  const hooksPath = (await runGit(root, ["config", "core.hooksPath"], { allowFailure: true })).stdout.toString("utf8").trim();
  const hookDir = hooksPath === "" ? path.join(root, ".git", "hooks") : path.resolve(root, hooksPath);
  const hooks: Record<string, boolean> = {};
  for (const name of ["pre-commit", "commit-msg", "pre-push"]) {
    const candidates = [path.join(hookDir, name), path.join(root, ".husky", name)];
    hooks[name] = candidates.some((file) => existsSync(file) && /warden/.test(readFileSync(file, "utf8")));
  }
  const deploys: Record<string, unknown> = {};
  const eventsDir = path.join(root, ".warden", "events");
  if (existsSync(eventsDir)) {
    for (const file of readdirSync(eventsDir).filter((n) => n.endsWith(".jsonl")).sort()) {
      const lines = readFileSync(path.join(eventsDir, file), "utf8").trimEnd().split("\n");
      for (let i = lines.length - 1; i >= 0; i--) {
        try {
          const event = JSON.parse(lines[i] ?? "") as { type?: string; at?: string; release?: string };
          if (event.type === "succeeded" || event.type === "failed" || event.type === "rolled_back") {
            deploys[file.replace(/\.jsonl$/, "")] = { outcome: event.type, at: event.at ?? null, release: event.release ?? null };
            break;
          }
        } catch {
          // a corrupt line is skipped; `warden releases` reports it
        }
      }
    }
  }
  const size = baselineSize(current);
  const before = previous.code === 0 ? baselineSize(previous.stdout.toString("utf8")) : null;
  return {
    root,
    baseline: { findings: size ?? 0, previousCommit: before, trend: size === null || before === null ? "unknown" : size < before ? "shrinking" : size > before ? "growing" : "flat" },
    hooks: { hooksPath: hooksPath === "" ? null : hooksPath, ...hooks },
    lastDeploy: deploys,
    lastCi: null,
  };
}

/** `warden mcp`: serve the tools over stdio until the client closes the stream. */
export async function mcpCommand(): Promise<number> {
  const server = createMcpServer();
  const transport = new StdioServerTransport();
  await server.connect(transport);
  await new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.on("end", () => resolve());
  });
  return 0;
}

/** The written rule a check cites in `root`: the team's own (config `writtenRules`) or the catalogue's. */
async function citeRule(root: string, checkId: string, builtin: string): Promise<string> {
  const { loadConfig, citeFor } = await import("@warden/core");
  const { teamRuleBookFor } = await import("../team-rules.js");
  const book = await teamRuleBookFor(root, (await loadConfig(root)).config);
  return book === undefined ? builtin : citeFor(book, checkId, builtin);
}
