import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFixture, checkRepo, checkSharedFixture, fixtureDir } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "waste/unused-dependencies";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["packages/lib/package.json", 16, 1, "unused"],
      ["packages/lib/package.json", 21, 1, "unused"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 13 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("stays clean on the real-shape monorepo: binaries in scripts, tool configs, peer hosts, a fixture's package.json", async () => {
    expect(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-good")).toEqual([]);
  });

  it("reports the unused dependency beside them, and never a fixture's dependencies", async () => {
    expect(locations(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-bad"))).toEqual([["packages/web/package.json", 11, 1, "unused"]]);
  });

  it("counts what bundled workspace source imports: a workspace package imported without being declared is bundled, one declared is installed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-unused-deps-"));
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    try {
      write("package.json", JSON.stringify({ private: true, workspaces: ["packages/*"] }));
      const manifest = (name: string, dependencies: Record<string, string>): string =>
        `${JSON.stringify({ name, version: "1.0.0", type: "module", exports: "./src/index.ts", dependencies }, null, 2)}\n`;
      // core imports pako and @fx/shapes (declared); shapes imports roughjs.
      write("packages/core/package.json", manifest("@fx/core", { pako: "2.0.0", "@fx/shapes": "1.0.0" }));
      write("packages/core/src/index.ts", 'import pako from "pako";\nimport { draw } from "@fx/shapes";\nexport const zip = (d: Uint8Array) => draw(pako.deflate(d));\n');
      write("packages/shapes/package.json", manifest("@fx/shapes", { roughjs: "4.0.0" }));
      write("packages/shapes/src/index.ts", 'import rough from "roughjs";\nexport const draw = (x: unknown) => [rough, x];\n');
      // utils bundles core from source (imports it undeclared), so core's imports and shapes' are its to install;
      // left-pad is used by nobody.
      // core's test imports jest-diff: a test is not bundled, so utils' jest-diff is unused.
      write("packages/core/src/index.test.ts", 'import { diff } from "jest-diff";\nexport const d = diff;\n');
      write("packages/utils/package.json", manifest("@fx/utils", { pako: "2.0.0", roughjs: "4.0.0", "left-pad": "1.0.0", "jest-diff": "29.0.0" }));
      write("packages/utils/src/index.ts", 'export { zip } from "@fx/core";\n');
      // app declares core (installed): core's own dependencies are not app's.
      write("packages/app/package.json", manifest("@fx/app", { "@fx/core": "1.0.0", pako: "2.0.0" }));
      write("packages/app/src/index.ts", 'export { zip } from "@fx/core";\n');
      expect(locations(await checkRepo(dir, { [RULE]: "error" }))).toEqual([
        ["packages/app/package.json", 8, 1, "unused"],
        ["packages/utils/package.json", 9, 1, "unused"],
        ["packages/utils/package.json", 10, 1, "unused"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("knows framework peers, builders named in angular.json, and the root's binaries run by a package's scripts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-unused-deps-"));
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    try {
      write("package.json", `${JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"], devDependencies: { premove: "4.0.0", "left-pad": "1.0.0" } }, null, 2)}\n`);
      // An Angular CLI app: the builder and polyfills are named in angular.json; rxjs, zone.js, common,
      // compiler and compiler-cli are peers of what it declares; the router is never imported.
      const angular = { "@angular/common": "20.0.0", "@angular/compiler": "20.0.0", "@angular/core": "20.0.0", "@angular/platform-browser": "20.0.0", "@angular/router": "20.0.0", rxjs: "7.8.0", "zone.js": "0.15.0" };
      const angularDev = { "@angular-devkit/build-angular": "20.0.0", "@angular/compiler-cli": "20.0.0" };
      write("apps/ng/package.json", `${JSON.stringify({ name: "ng", private: true, scripts: { build: "ng build" }, dependencies: angular, devDependencies: angularDev }, null, 2)}\n`);
      write("apps/ng/angular.json", JSON.stringify({ projects: { ng: { architect: { build: { builder: "@angular-devkit/build-angular:application", options: { browser: "src/main.ts", polyfills: ["zone.js"] } } } } } }));
      write("apps/ng/src/main.ts", 'import { Component } from "@angular/core";\nimport { bootstrapApplication } from "@angular/platform-browser";\n@Component({ selector: "app-root", template: "hi" })\nclass App {}\nvoid bootstrapApplication(App);\n');
      // A MUI app: the emotion packages are MUI's styling engine.
      write("apps/mui/package.json", `${JSON.stringify({ name: "mui", private: true, main: "src/index.tsx", dependencies: { "@mui/material": "7.0.0", "@emotion/react": "11.0.0", "@emotion/styled": "11.0.0" } }, null, 2)}\n`);
      write("apps/mui/src/index.tsx", 'import Button from "@mui/material/Button";\nexport const b = Button;\n');
      // A package cleaning with the root's premove binary.
      write("packages/lib/package.json", `${JSON.stringify({ name: "lib", version: "1.0.0", main: "src/index.ts", scripts: { clean: "premove ./dist" } }, null, 2)}\n`);
      write("packages/lib/src/index.ts", "export const a = 1;\n");
      expect(locations(await checkRepo(dir, { [RULE]: "error" }))).toEqual([
        ["apps/ng/package.json", 12, 1, "unused"], // @angular/router
        ["package.json", 9, 1, "unused"], // left-pad
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("knows jest's babel-jest transform and test environments named by config (jest's examples)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-unused-deps-"));
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    try {
      write("package.json", `${JSON.stringify({ private: true, workspaces: ["examples/*"] }, null, 2)}\n`);
      const devDependencies = { "babel-jest": "30.0.0", jest: "30.0.0", "jest-environment-jsdom": "30.0.0", "left-pad": "1.0.0" };
      write("examples/react/package.json", `${JSON.stringify({ name: "example-react", private: true, scripts: { test: "jest" }, devDependencies, jest: { testEnvironment: "jsdom" } }, null, 2)}\n`);
      write("examples/react/.babelrc.js", "module.exports = { presets: [] };\n");
      write("examples/react/sum.test.js", "test('sum', () => { expect(1 + 1).toBe(2); });\n");
      // Without a Babel config, babel-jest transforms nothing.
      write("examples/plain/package.json", `${JSON.stringify({ name: "example-plain", private: true, scripts: { test: "jest" }, devDependencies: { "babel-jest": "30.0.0", jest: "30.0.0" } }, null, 2)}\n`);
      write("examples/plain/sum.test.js", "test('sum', () => { expect(1 + 1).toBe(2); });\n");
      expect(locations(await checkRepo(dir, { [RULE]: "error" }))).toEqual([
        ["examples/plain/package.json", 8, 1, "unused"], // babel-jest
        ["examples/react/package.json", 11, 1, "unused"], // left-pad
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the same answer with node_modules installed as without", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-unused-deps-"));
    try {
      cpSync(fixtureDir("waste/unused-files", "monorepo-bad"), dir, { recursive: true });
      const without = await checkRepo(dir, { [RULE]: "error" });
      const install = (where: string, manifest: Record<string, unknown>): void => {
        mkdirSync(path.join(dir, where), { recursive: true });
        writeFileSync(path.join(dir, where, "package.json"), JSON.stringify(manifest));
      };
      install("node_modules/npm-run-all2", { name: "npm-run-all2", bin: { "run-p": "bin/run-p/index.js", "run-s": "bin/run-s/index.js" } });
      install("node_modules/left-pad", { name: "left-pad", main: "index.js" });
      install("node_modules/typescript", { name: "typescript", bin: { tsc: "bin/tsc" }, peerDependencies: {} });
      install("node_modules/@playwright/test", { name: "@playwright/test", bin: { playwright: "cli.js" } });
      install("packages/web/node_modules/next", { name: "next", bin: { next: "dist/bin/next" }, peerDependencies: { react: "*", "react-dom": "*" } });
      const withModules = await checkRepo(dir, { [RULE]: "error" });
      expect(locations(withModules)).toEqual(locations(without));
      expect(without.length).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
