/** One file of the evaluation set. */
export interface EvalCase {
  readonly kind: "positive" | "negative";
  /** The credential family (positives) or the kind of look-alike (negatives). */
  readonly family: string;
  /** Where the value stands: a language, a config format, a command line … */
  readonly context: string;
  /** Repository-relative path of the file. */
  readonly path: string;
  readonly text: string;
  /** 1-based line of the secret (positives). */
  readonly line: number;
}
export function buildCases(options?: { seed?: number; perPair?: number }): EvalCase[];
