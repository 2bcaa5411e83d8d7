// Generates a synthetic pnpm monorepo of N packages for the scaling benchmark: each package has a
// package.json (external and workspace dependencies, exports into dist/), a tsconfig, five source
// modules, a test, and a test fixture with its own package.json — the shape that made the
// unused-dependency check quadratic on real repositories (most package.json files were fixtures).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const EXTERNAL = ["zod", "yaml", "picomatch", "semver", "commander"];

function write(dir, rel, text) {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Write a monorepo of `packages` packages into `dir`; returns the number of files written. */
export function generateMonorepo(dir, packages) {
  let files = 0;
  const put = (rel, text) => {
    write(dir, rel, text);
    files += 1;
  };
  put("package.json", `${JSON.stringify({ name: "mono", private: true, type: "module", devDependencies: { typescript: "5.9.3", vitest: "4.1.12" }, scripts: { test: "vitest run", build: "tsc -b" } }, null, 2)}\n`);
  put("pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  put(".gitignore", "node_modules/\ndist/\n");
  for (let p = 0; p < packages; p += 1) {
    const name = `@mono/pkg-${p}`;
    const dep = p > 0 ? `@mono/pkg-${p - 1}` : undefined;
    const external = EXTERNAL[p % EXTERNAL.length];
    const base = `packages/pkg-${p}`;
    const manifest = {
      name,
      version: "1.0.0",
      type: "module",
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      scripts: { build: "tsc -p tsconfig.json", test: "vitest run" },
      dependencies: { [external]: "1.0.0", ...(dep === undefined ? {} : { [dep]: "workspace:*" }) },
      devDependencies: { vitest: "4.1.12" },
    };
    put(`${base}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    put(`${base}/tsconfig.json`, `${JSON.stringify({ compilerOptions: { rootDir: "src", outDir: "dist" } }, null, 2)}\n`);
    put(`${base}/README.md`, `# ${name}\n`);
    put(`${base}/CHANGELOG.md`, `# ${name}\n`);
    put(
      `${base}/src/index.ts`,
      `${dep === undefined ? "" : `import { describe${p - 1} } from "${dep}";\n`}import * as ext from "${external}";\nimport { compute } from "./compute.js";\n\n/** Describe package ${p}. */\nexport function describe${p}(): string {\n  return \`${p}:\${compute(${p})}:\${typeof ext}${dep === undefined ? "" : `:\${describe${p - 1}()}`}\`;\n}\n`,
    );
    put(`${base}/src/compute.ts`, `import { weight } from "./weight.js";\n\n/** Weighted value. */\nexport function compute(value: number): number {\n  return value * weight();\n}\n`);
    put(`${base}/src/weight.ts`, `import { BASE } from "./constants.js";\n\n/** The weight. */\nexport function weight(): number {\n  return BASE + 1;\n}\n`);
    put(`${base}/src/constants.ts`, `/** The base weight. */\nexport const BASE = ${p % 7};\n`);
    put(`${base}/src/format.ts`, `/** Format a value. */\nexport function format(value: number): string {\n  return value.toFixed(2);\n}\n`);
    put(`${base}/test/index.test.ts`, `import { expect, it } from "vitest";\nimport { format } from "../src/format.js";\n\nit("formats", () => {\n  expect(format(1)).toBe("1.00");\n});\n`);
    put(`${base}/test/fixtures/app/package.json`, `${JSON.stringify({ name: `fixture-${p}`, dependencies: { "left-pad": "1.3.0" } }, null, 2)}\n`);
    put(`${base}/test/fixtures/app/index.ts`, `export const fixture = ${p};\n`);
  }
  return files;
}
