import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Checksums of the migration files already applied to an environment, by file name. */
export type AppliedMigrations = Record<string, string>;

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The migration files of `dir` (relative names, sorted) with their sha256. */
export function migrationChecksums(dir: string): AppliedMigrations {
  if (!existsSync(dir)) return {};
  const out: AppliedMigrations = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!name.startsWith(".") && existsSync(file) && !readdirSync(dir, { withFileTypes: true }).find((e) => e.name === name)?.isDirectory()) {
      out[name] = sha256(file);
    }
  }
  return out;
}

/** Read the recorded checksums (`<envDir>/migrations.json`). */
export function readApplied(envDir: string): AppliedMigrations {
  try {
    return JSON.parse(readFileSync(path.join(envDir, "migrations.json"), "utf8")) as AppliedMigrations;
  } catch {
    return {};
  }
}

/** Record the checksums of every migration file after a successful migrate step. */
export function recordApplied(envDir: string, current: AppliedMigrations): void {
  mkdirSync(envDir, { recursive: true });
  const merged = { ...readApplied(envDir), ...current };
  const file = path.join(envDir, "migrations.json");
  writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Already-applied migration files that changed or disappeared, one message each. */
export function changedMigrations(applied: AppliedMigrations, current: AppliedMigrations): string[] {
  return Object.entries(applied)
    .filter(([name, sum]) => current[name] !== sum)
    .map(([name, sum]) =>
      current[name] === undefined
        ? `${name} was applied and is now missing`
        : `${name} was applied (sha256 ${sum.slice(0, 12)}) and has changed (now ${current[name]?.slice(0, 12)}); add a new migration instead`,
    );
}
