import type { ContentDetector, Detector } from "../src/index.js";
import { expandClass, generate, leadingLiterals, type Alt, type FormatDetector, type Part, type Run } from "../src/token-format.js";
import type { Cases } from "./cases.js";
import { prng } from "./fakes.js";

/**
 * True samples and near misses built at run time from each format-described detector's
 * documented format (token-format.ts): nothing token-shaped is written in this file.
 */

export function hasFormat(detector: Detector): detector is FormatDetector {
  return detector.kind === "content" && (detector as Partial<FormatDetector>).format !== undefined;
}

function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The same parts with every run at its minimum length filled with the first character of its alphabet. */
function flat(parts: readonly Part[]): Part[] {
  return parts.flatMap((part): Part[] => {
    if (typeof part === "string" || Array.isArray(part)) return [part];
    if ("run" in part) {
      const r = part as Run;
      return [(expandClass(r.run)[0] as string).repeat(r.min)];
    }
    return flat((part as Alt).alt[0] as readonly Part[]);
  });
}

/** The same parts at their shortest: every run at its minimum length, the first alternative taken. */
function shortest(parts: readonly Part[]): Part[] {
  return parts.flatMap((part): Part[] => {
    if (typeof part === "string" || Array.isArray(part)) return [part];
    if ("run" in part) return [{ run: (part as Run).run, min: (part as Run).min }];
    const options = (part as Alt).alt;
    const lengths = options.map((o) => generate(shortest(o), () => 0).length);
    return shortest(options[lengths.indexOf(Math.min(...lengths))] as readonly Part[]);
  });
}

/** A true sample: random, retried until it is not placeholder-like by chance. */
function sample(detector: FormatDetector, random: () => number): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const token = detector.format.build?.(random) ?? generate(detector.format.parts, random);
    const head = leadingLiterals(detector.format.parts).find((literal) => token.toLowerCase().startsWith(literal)) ?? "";
    if (!/x{4}|your|fake|dummy|example|sample|insert|lorem|redacted|(.)\1{5}|0123456|1234567|abcdefg|qwerty/i.test(token.slice(head.length))) return token;
  }
  throw new Error(`${detector.id}: cannot build a clean sample`);
}

/** Cases for one format-described detector. */
export function casesOf(detector: FormatDetector): Cases {
  const random = prng(seedOf(detector.id));
  const { names, parts } = detector.format;
  const tokens = [sample(detector, random), sample(detector, random)];
  if (names !== undefined) {
    const name = names[0] as string;
    const lower = name.toLowerCase();
    return {
      hit: [() => `${name}=${tokens[0]}`, () => `  "${lower}": "${tokens[1]}",`, () => `${lower}: '${tokens[0]}'`],
      miss: [
        // The shape alone, under a name that is not the vendor's and not secret-sounding.
        () => `build_checksum = "${tokens[0]}"`,
        // The vendor's name on an id, and a reference.
        () => `${name.replace(/_[A-Z]+$/, "")}_KEY_ID = "${tokens[1]}"`,
        () => `${name}=\${${name}}`,
        // A placeholder of the right shape.
        () => `${name}="${generate(flat(parts), random)}"`,
      ],
    };
  }
  const first = parts[0];
  const miss: (() => string)[] = [
    // The documented shape with a constant body: a placeholder.
    () => `see ${generate(flat(parts), random)} in the docs`,
  ];
  // Cut short: two characters below the documented minimum length (when the format ends in a run).
  const last = parts[parts.length - 1];
  if (typeof last === "object" && "run" in last) miss.push(() => `value: ${generate(shortest(parts), random).slice(0, -2)}`);
  // Inside a longer word: not a token.
  if (typeof first === "string" && /^[A-Za-z0-9]/.test(first)) miss.push(() => `x${tokens[1]}`);
  for (const example of detector.examples ?? []) miss.push(() => `token: ${example}`);
  return { hit: [() => tokens[0] as string, () => `const value = "${tokens[1]}";`], miss };
}

/** Cases of every format-described detector in `detectors`. */
export function generatedCases(detectors: readonly Detector[]): Record<string, Cases> {
  const out: Record<string, Cases> = {};
  for (const detector of detectors) if (hasFormat(detector)) out[detector.id] = casesOf(detector as ContentDetector & FormatDetector);
  return out;
}
