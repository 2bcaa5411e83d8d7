import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { listWorkspacePackages, repoRoot, WardenError } from "@warden/core";
import type { Io } from "../io.js";

/** `warden changelog stamp|version`: date the release headings `changeset version` wrote. */
export async function changelogCommand(io: Io, action: string, options: { readonly date?: string }): Promise<number> {
  const { releaseDate, stampChangelogs } = await import("@warden/changelog");
  const root = await repoRoot(io.cwd);
  const date = releaseDate(options.date);
  if (action === "version") {
    let bin: string;
    try {
      bin = createRequire(path.join(root, "package.json")).resolve("@changesets/cli/bin.js");
    } catch {
      throw new WardenError("USAGE", "changesets is not installed in this repository: add it with `pnpm add -D @changesets/cli`");
    }
    const result = spawnSync(process.execPath, [bin, "version"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    if (result.status !== 0) {
      io.stderr.write(`✖ changeset version exited ${result.status ?? "by a signal"}; nothing was stamped\n`);
      return 1;
    }
  } else if (action !== "stamp") {
    throw new WardenError("USAGE", `changelog ${action}: expected "version" or "stamp"`);
  }
  const changed = await stampChangelogs(root, date);
  io.stdout.write(changed.length === 0 ? "no new release headings to date\n" : `dated ${changed.length} changelog${changed.length === 1 ? "" : "s"} (${date}, UTC): ${changed.join(", ")}\n`);
  return 0;
}

/** Options of `warden api`. */
export interface ApiOptions {
  readonly base?: string;
  readonly head?: string;
  readonly json?: boolean;
  readonly write?: boolean;
  readonly zeroMajor?: "major" | "minor";
}

/** `warden api`: the public API difference of every workspace package between two states. */
export async function apiCommand(io: Io, packages: readonly string[], options: ApiOptions): Promise<number> {
  const { commitSource, diffPackages, workTreeSource, writeSnapshots } = await import("@warden/changelog");
  const root = await repoRoot(io.cwd);
  const all = await listWorkspacePackages(root);
  const dirs = (all.length === 0 ? ["."] : all.map((p) => p.dir)).filter(
    (dir) => packages.length === 0 || packages.some((wanted) => path.posix.normalize(wanted.replace(/\/$/, "")) === dir || all.find((p) => p.dir === dir)?.name === wanted),
  );
  if (dirs.length === 0) throw new WardenError("USAGE", `no workspace package matches ${packages.join(", ")}`);
  const head = options.head === undefined ? workTreeSource(root) : commitSource(root, options.head);
  if (options.write === true) {
    const changed = await writeSnapshots(root, head, dirs);
    io.stdout.write(changed.length === 0 ? "API snapshots are up to date\n" : `wrote ${changed.join(", ")}\n`);
    return 0;
  }
  const base = commitSource(root, options.base ?? "HEAD");
  const diffs = await diffPackages(base, head, dirs, options.zeroMajor === undefined ? {} : { zeroMajor: options.zeroMajor });
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify({ base: base.label, head: head.label, packages: diffs }, null, 2)}\n`);
    return 0;
  }
  const changed = diffs.filter((d) => d.changes.length > 0);
  if (changed.length === 0) {
    io.stdout.write(`✔ no public API changes in ${diffs.length} package${diffs.length === 1 ? "" : "s"} (${base.label} → ${head.label})\n`);
    return 0;
  }
  for (const diff of changed) {
    io.stdout.write(`${diff.name} (${diff.dir}) — needs at least a ${diff.required} release\n`);
    for (const change of diff.changes) {
      const detail = change.before !== undefined && change.after !== undefined ? `${change.before} → ${change.after}` : (change.after ?? change.before ?? "");
      io.stdout.write(`  ${change.level.padEnd(8)}  ${change.symbol}: ${change.kind.replace(/-/g, " ")}  ${detail}  ${change.file}:${change.line}\n`);
    }
  }
  const breaking = changed.filter((d) => d.changes.some((c) => c.level === "breaking")).length;
  io.stdout.write(`\n${breaking} package${breaking === 1 ? "" : "s"} with breaking changes, ${changed.length - breaking} with additions only (${base.label} → ${head.label})\n`);
  return 0;
}

/** `warden adr new|list|supersede|index|migrate`. */
export async function adrCommand(io: Io, action: string, args: readonly string[], options: { readonly json?: boolean; readonly check?: boolean; readonly status?: string; readonly decisionMakers?: readonly string[]; readonly date?: string }): Promise<number> {
  const changelog = await import("@warden/changelog");
  const root = await repoRoot(io.cwd);
  const date = changelog.releaseDate(options.date);
  switch (action) {
    case "new": {
      const title = args.join(" ");
      const status = options.status ?? "proposed";
      if (!(changelog.ADR_STATUSES as readonly string[]).includes(status)) throw new WardenError("USAGE", `--status ${status}: expected one of ${changelog.ADR_STATUSES.join(", ")}`);
      const file = changelog.newAdr(root, title, { date, status: status as (typeof changelog.ADR_STATUSES)[number], decisionMakers: options.decisionMakers ?? [] });
      io.stdout.write(`${file}\n`);
      return 0;
    }
    case "supersede": {
      const [numberText, ...rest] = args;
      const number = Number(numberText);
      if (numberText === undefined || !Number.isInteger(number) || number < 1) throw new WardenError("USAGE", 'adr supersede N "Title": N is the number of the record to supersede');
      const file = changelog.supersedeAdr(root, number, rest.join(" "), { date, decisionMakers: options.decisionMakers ?? [] });
      io.stdout.write(`${file} supersedes ${changelog.adrId(number)}\n`);
      return 0;
    }
    case "list": {
      const adrs = changelog.readAdrs(root);
      if (options.json === true) {
        const rows = adrs.map((a) => ({ number: a.number, id: changelog.adrId(a.number), title: a.title, status: a.status, date: a.date, file: a.file, supersedes: a.supersedes, supersededBy: a.supersededBy, context: a.context, decision: a.decision, consequences: a.consequences }));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return 0;
      }
      if (adrs.length === 0) io.stdout.write(`no records in ${changelog.ADR_DIR} (create one with \`warden adr new "Title"\`)\n`);
      for (const a of adrs) io.stdout.write(`${changelog.adrId(a.number)}  ${a.status.padEnd(10)}  ${a.date ?? "          "}  ${a.title}\n`);
      return 0;
    }
    case "index": {
      if (options.check === true) {
        let before: string | undefined;
        try {
          before = readFileSync(path.join(root, changelog.ADR_DIR, "README.md"), "utf8");
        } catch {
          before = undefined;
        }
        if (before !== changelog.withIndex(before, changelog.readAdrs(root))) {
          io.stderr.write(`✖ ${changelog.ADR_DIR}/README.md index is out of date: run \`warden adr index\`\n`);
          return 1;
        }
        io.stdout.write(`${changelog.ADR_DIR}/README.md index is up to date\n`);
        return 0;
      }
      io.stdout.write(changelog.writeIndex(root) ? `wrote the index in ${changelog.ADR_DIR}/README.md\n` : "the index is up to date\n");
      return 0;
    }
    case "migrate": {
      const dir = path.join(root, changelog.ADR_DIR);
      let names: string[];
      try {
        names = readdirSync(dir).filter((n) => /^\d{4}-.*\.md$/.test(n));
      } catch {
        throw new WardenError("USAGE", `${changelog.ADR_DIR} does not exist`);
      }
      const migrated: string[] = [];
      for (const name of names.sort()) {
        const file = path.join(dir, name);
        const next = changelog.migrateLegacy(readFileSync(file, "utf8"));
        if (next === undefined) continue;
        writeFileSync(file, next);
        migrated.push(name);
      }
      changelog.writeIndex(root);
      io.stdout.write(migrated.length === 0 ? "nothing to migrate\n" : `migrated ${migrated.join(", ")}; index written\n`);
      return 0;
    }
    default:
      throw new WardenError("USAGE", `adr ${action}: expected new, list, supersede, index or migrate`);
  }
}
