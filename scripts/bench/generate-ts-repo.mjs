// Generates a synthetic TypeScript monorepo for benchmarks: `packages/pkg-<n>/src/*.ts` files of
// realistic shape (imports, documented exports, classes, async functions, a test file per package),
// deterministic for a given size so runs are comparable.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

function fileBody(pkg, index, filesPerPkg) {
  const next = (index + 1) % filesPerPkg;
  return `import { helper${next} } from "./module-${next}.js";

/** Options for the ${index}th worker of package ${pkg}. */
export interface Options${index} {
  readonly retries: number;
  readonly label: string;
}

/** Compute a weighted score for item ${index}. */
export function score${index}(values: readonly number[], weight = ${(index % 7) + 1}): number {
  let total = 0;
  for (const value of values) {
    if (value < 0) {
      throw new RangeError(\`negative value \${value}\`);
    }
    total += value * weight;
  }
  return total / Math.max(1, values.length);
}

/** Helper ${index}: formats a label. */
export function helper${index}(label: string): string {
  return label.trim().toLowerCase().replace(/\\s+/g, "-");
}

/** A small stateful worker. */
export class Worker${index} {
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: Options${index}) {}

  /** Record one item and return how often it was seen. */
  async record(item: string): Promise<number> {
    const key = helper${next}(item + this.options.label);
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    try {
      await Promise.resolve(count);
    } catch (error) {
      throw new Error(\`record failed: \${String(error)}\`, { cause: error });
    }
    return count;
  }
}
`;
}

/**
 * Write a repository of `files` TypeScript files into `dir` (created). Returns the list of
 * repository-relative source paths.
 */
export function generateTsRepo(dir, files, { filesPerPkg = 50 } = {}) {
  const packages = Math.ceil(files / filesPerPkg);
  const written = [];
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bench-repo", private: true, type: "module" }, null, 2));
  writeFileSync(path.join(dir, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  writeFileSync(path.join(dir, ".gitignore"), "node_modules/\ndist/\n");
  let count = 0;
  for (let p = 0; p < packages && count < files; p += 1) {
    const pkgDir = path.join(dir, "packages", `pkg-${p}`);
    mkdirSync(path.join(pkgDir, "src"), { recursive: true });
    writeFileSync(path.join(pkgDir, "package.json"), JSON.stringify({ name: `@bench/pkg-${p}`, version: "1.0.0", type: "module" }, null, 2));
    writeFileSync(path.join(pkgDir, "README.md"), `# pkg-${p}\n`);
    writeFileSync(path.join(pkgDir, "CHANGELOG.md"), `# @bench/pkg-${p}\n`);
    const inPkg = Math.min(filesPerPkg, files - count);
    for (let f = 0; f < inPkg; f += 1) {
      const rel = `packages/pkg-${p}/src/module-${f}.ts`;
      writeFileSync(path.join(dir, rel), fileBody(p, f, inPkg));
      written.push(rel);
      count += 1;
    }
  }
  return written;
}
