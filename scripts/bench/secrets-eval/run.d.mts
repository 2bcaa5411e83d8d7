import type { EvalCase } from "./cases.mjs";

export interface EvalFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly endLine?: number;
}
export type Judged = EvalCase & { readonly hit: boolean; readonly rules: string[] };
export const PATH_RULES: ReadonlySet<string>;
export function judge(cases: readonly EvalCase[], findings: readonly EvalFinding[]): Judged[];
export function writeCases(cases: readonly EvalCase[]): string;
export function scanWithCli(root: string, dir: string): EvalFinding[];
export function tally(judged: readonly Judged[], key: (c: Judged) => string): [string, { hit: number; total: number; misses: Judged[] }][];
export function evaluate(root: string, options?: { seed?: number; perPair?: number }): Judged[];
export { buildCases } from "./cases.mjs";
