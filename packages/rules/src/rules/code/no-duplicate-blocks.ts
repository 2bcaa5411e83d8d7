import { createHash } from "node:crypto";
import type ts from "typescript";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { isTestFile, languageOf } from "../../files.js";
import { matcher } from "../../globs.js";

interface Tokens {
  readonly file: string;
  /** Normalised token ids: every identifier collapses to one id, so renamed copies match; literals are kept (they are content). */
  readonly ids: number[];
  readonly lines: number[];
}

/** Token texts to small integers, one table per check (a warm server must not grow it forever). */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [""];

  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /** The token texts of a run of ids: what a fingerprint hashes, so it does not depend on the order files were read in. */
  textsOf(ids: readonly number[]): string {
    return ids.map((id) => this.texts[id] ?? "").join("\u0000");
  }
}

/** Tokens after which `/` divides; after any other token it starts a regular expression. */
let ENDS_EXPRESSION: ReadonlySet<ts.SyntaxKind> = new Set();

/**
 * Tokenise a parsed file, leaving out import/export-from statements (every file has similar ones)
 * and generic type parameter and argument lists (`<TData, TName extends …>`): a library's long
 * generic signatures repeat by necessity — TypeScript cannot name a list of type parameters once.
 */
function tokenise(tsApi: typeof ts, ast: ts.SourceFile, file: string, vocabulary: Vocabulary): Tokens {
  const ranges: [number, number][] = [];
  for (const statement of ast.statements) {
    if (tsApi.isImportDeclaration(statement) || (tsApi.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined)) {
      ranges.push([statement.getStart(ast), statement.getEnd()]);
    }
  }
  const generics = (node: ts.Node): void => {
    for (const list of [(node as { typeParameters?: ts.NodeArray<ts.Node> }).typeParameters, (node as { typeArguments?: ts.NodeArray<ts.Node> }).typeArguments]) {
      // From the first parameter's start to the end of the list (the `<` and `>` stay: they are punctuation of the code around).
      if (list !== undefined && list.length > 0) ranges.push([list[0]?.getStart(ast) ?? list.pos, list.end]);
    }
    tsApi.forEachChild(node, generics);
  };
  tsApi.forEachChild(ast, generics);
  // Sorted and merged, so one pointer walks them alongside the scanner.
  ranges.sort((a, b) => a[0] - b[0]);
  const skipped: [number, number][] = [];
  for (const range of ranges) {
    const last = skipped[skipped.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else skipped.push([range[0], range[1]]);
  }
  const scanner = tsApi.createScanner(tsApi.ScriptTarget.ESNext, true, ast.languageVariant, ast.text);
  const K = tsApi.SyntaxKind;
  if (ENDS_EXPRESSION.size === 0) {
    ENDS_EXPRESSION = new Set([
      K.Identifier, K.PrivateIdentifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.NoSubstitutionTemplateLiteral, K.TemplateTail,
      K.RegularExpressionLiteral, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken, K.ThisKeyword, K.SuperKeyword, K.TrueKeyword,
      K.FalseKeyword, K.NullKeyword, K.PlusPlusToken, K.MinusMinusToken,
    ]);
  }
  const ids: number[] = [];
  const lines: number[] = [];
  let skip = 0;
  // The scanner alone cannot tell `}` closing a template's `${…}` or `/` starting a regex: track both.
  const templates: number[] = [];
  let braces = 0;
  let previous: ts.SyntaxKind = K.Unknown;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.OpenBraceToken) braces += 1;
    else if (kind === K.CloseBraceToken) {
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === K.TemplateTail) templates.pop();
      } else {
        braces -= 1;
      }
    } else if (kind === K.TemplateHead) {
      templates.push(braces);
    } else if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && !ENDS_EXPRESSION.has(previous)) {
      kind = scanner.reScanSlashToken();
    }
    previous = kind;
    const start = scanner.getTokenStart();
    while (skip < skipped.length && (skipped[skip]?.[1] ?? 0) <= start) skip += 1;
    const range = skipped[skip];
    if (range !== undefined && start >= range[0] && start < range[1]) continue;
    let text: string;
    if (kind === K.Identifier || kind === K.PrivateIdentifier) text = "$id";
    else text = scanner.getTokenText();
    ids.push(vocabulary.idOf(text));
    lines.push(ast.getLineAndCharacterOfPosition(start).line + 1);
  }
  return { file, ids, lines };
}

const MOD = 2 ** 31 - 1;

/** Rolling hashes of every window of `size` tokens. */
function windowHashes(ids: readonly number[], size: number): number[] {
  if (ids.length < size) return [];
  const base = 1_000_003;
  let power = 1;
  for (let i = 0; i < size - 1; i += 1) power = (power * base) % MOD;
  let hash = 0;
  for (let i = 0; i < size; i += 1) hash = (hash * base + (ids[i] ?? 0)) % MOD;
  const out = [hash];
  for (let i = size; i < ids.length; i += 1) {
    hash = (hash - (((ids[i - size] ?? 0) * power) % MOD) + MOD) % MOD;
    hash = (hash * base + (ids[i] ?? 0)) % MOD;
    out.push(hash);
  }
  return out;
}

function sameRun(a: readonly number[], i: number, b: readonly number[], j: number, size: number): boolean {
  for (let k = 0; k < size; k += 1) if (a[i + k] !== b[j + k]) return false;
  return true;
}

export default defineRule({
  id: "code/no-duplicate-blocks",
  enforces: "Rule 4",
  description: "No duplicated code blocks across files (token-normalised, so a renamed copy is still a copy).",
  scope: "repo",
  messages: {
    duplicate: {
      message: "Lines {{start}}–{{end}} duplicate {{other}}:{{otherStart}}–{{otherEnd}} ({{tokens}} tokens).",
      hint: "Extract the shared code into one function or module and call it from both places.",
    },
  },
  options: z
    .object({
      minTokens: z.number().int().min(10).default(80).describe("Smallest clone reported, in tokens (identifiers, literals and punctuation)."),
      minLines: z.number().int().min(1).default(6).describe("Smallest clone reported, in lines."),
      includeTests: z.boolean().default(false).describe("Also compare test files (tests repeat setup on purpose)."),
      ignore: z
        .array(z.string())
        .default(["examples/**", "**/examples/**", "**/*.test-d.*", "**/test-dts/**"])
        .describe("Globs of files not compared (examples are self-contained copies on purpose; type tests repeat on purpose)."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    // Duplicates are a whole-repository property: a full check compares every file; a check of changes compares nothing (CI runs the full check).
    if (ctx.mode !== "full") return;
    const { minTokens, minLines } = ctx.options;
    const ignored = matcher(ctx.options.ignore);
    const seen = new Map<number, { tokens: Tokens; index: number }>();
    const vocabulary = new Vocabulary();
    const files = ctx.files.filter((f) => {
      const language = languageOf(f);
      return (language === "ts" || language === "js") && !f.endsWith(".d.ts") && !ignored(f) && ctx.judges(f) && (ctx.options.includeTests || !isTestFile(f));
    });
    for (const file of files) {
      const parsed = await ctx.parse(file);
      if (parsed === undefined) continue;
      const tokens = tokenise(parsed.ts, parsed.ast, file, vocabulary);
      const hashes = windowHashes(tokens.ids, minTokens);
      let i = 0;
      while (i < hashes.length) {
        const hash = hashes[i] ?? 0;
        const first = seen.get(hash);
        const overlapping = first !== undefined && first.tokens === tokens && first.index + minTokens > i;
        // A list or table (`a, b, c, …`) is repetitive by nature, not a copied block: too few distinct tokens.
        const repetitive = first !== undefined && new Set(tokens.ids.slice(i, i + minTokens)).size < minTokens / 6;
        if (first === undefined || overlapping || repetitive || !sameRun(first.tokens.ids, first.index, tokens.ids, i, minTokens)) {
          if (first === undefined) seen.set(hash, { tokens, index: i });
          i += 1;
          continue;
        }
        let length = minTokens;
        const other = first.tokens;
        while (
          i + length < tokens.ids.length &&
          first.index + length < other.ids.length &&
          tokens.ids[i + length] === other.ids[first.index + length] &&
          !(other === tokens && first.index + length >= i)
        ) {
          length += 1;
        }
        const start = tokens.lines[i] ?? 1;
        const end = tokens.lines[i + length - 1] ?? start;
        if (end - start + 1 >= minLines) {
          const otherStart = other.lines[first.index] ?? 1;
          const key = createHash("sha1").update(vocabulary.textsOf(tokens.ids.slice(i, i + length))).digest("hex").slice(0, 16);
          ctx.report({
            messageId: "duplicate",
            data: { start, end, other: other.file, otherStart, otherEnd: other.lines[first.index + length - 1] ?? otherStart, tokens: length },
            file,
            line: start,
            endLine: end,
            key: `${other.file}:${key}`,
          });
          i += length;
        } else {
          i += 1;
        }
      }
    }
  },
});
