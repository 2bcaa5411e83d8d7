import { z } from "zod";
import type TS from "typescript";
import { memberName, skipWrappers, walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";
import { matcher, NON_LIBRARY_GLOBS } from "../../globs.js";

/** Names of the global object, through which `console` can be reached too (`globalThis.console.log`). */
const GLOBAL_OBJECTS = new Set(["globalThis", "window", "global", "self"]);
/**
 * Code that is no library either: applications, playgrounds, docs sites and their config, and CLI
 * entry points — the places that print.
 */
const APP_GLOBS = [
  "apps/**",
  "**/playground/**",
  "**/playgrounds/**",
  "**/.vitepress/**",
  "**/.storybook/**",
  "www/**",
  "website/**",
  "site/**",
  "**/docs/**",
  "**/cli.{ts,mts,cts,tsx,js,mjs,cjs}",
  "**/cli/**",
];

export default defineRule({
  id: "logging/no-console",
  enforces: "Rule 8",
  description: "No `console.*` in library code: libraries log through a logger; only CLIs and scripts print.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    console: {
      message: "`console.{{method}}` in library code.",
      hint: "Log through the package's logger (levels, redaction, testable), or return the data and let the CLI print it.",
    },
    computed: {
      message: "`console[{{method}}]` in library code.",
      hint: "Log through the package's logger (levels, redaction, testable): `logger[level](…)` works the same way.",
    },
  },
  options: z
    .object({
      allow: z.array(z.string()).default([]).describe("Extra globs where console output is fine (CLI entry points)."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (!ast.text.includes("console")) return;
    if (matcher(NON_LIBRARY_GLOBS)(ctx.file) || matcher(APP_GLOBS)(ctx.file) || matcher(ctx.options.allow)(ctx.file)) return;
    // Type-test files (`*.test-d.ts`) are only type-checked, never run: no library code.
    if (/\.test-d\.[cm]?tsx?$/.test(ctx.file)) return;
    /** Whether the expression is the global console: `console`, `globalThis.console`, `window["console"]`… */
    const isConsole = (raw: TS.Expression): boolean => {
      const expr = skipWrappers(ts, raw);
      if (ts.isIdentifier(expr)) return expr.text === "console";
      if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
        const target = skipWrappers(ts, expr.expression);
        return memberName(ts, expr) === "console" && ts.isIdentifier(target) && GLOBAL_OBJECTS.has(target.text);
      }
      return false;
    };
    /** The call a console member is used in: `console.log(…)`, `console.log.call(console, …)`; undefined when it is only taken (patched, saved, bound, passed on). */
    const calledAs = (member: TS.Node): TS.CallExpression | undefined => {
      const parent = member.parent;
      if (ts.isCallExpression(parent) && parent.expression === member) return parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === member && (parent.name.text === "call" || parent.name.text === "apply")) {
        const outer = parent.parent;
        if (ts.isCallExpression(outer) && outer.expression === parent) return outer;
      }
      return undefined;
    };
    const destructured: { name: string; method: string; node: TS.Node }[] = [];
    const calledNames = new Set<string>();
    walk(ts, ast, (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) calledNames.add(node.expression.text);
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        if (!isConsole(node.expression) || calledAs(node) === undefined) return;
        const method = memberName(ts, node);
        if (method !== undefined) ctx.report({ messageId: "console", data: { method }, node });
        else if (ts.isElementAccessExpression(node)) {
          ctx.report({ messageId: "computed", data: { method: node.argumentExpression.getText(ast) }, node });
        }
        return;
      }
      // `const { log, warn: w } = console`: a destructured method is a log call once it is called.
      if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isObjectBindingPattern(node.name) && isConsole(node.initializer)) {
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          const method = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
          if (method !== undefined && element.dotDotDotToken === undefined && ts.isIdentifier(element.name)) destructured.push({ name: element.name.text, method, node: element });
        }
      }
    });
    for (const { name, method, node } of destructured) if (calledNames.has(name)) ctx.report({ messageId: "console", data: { method }, node });
  },
});
