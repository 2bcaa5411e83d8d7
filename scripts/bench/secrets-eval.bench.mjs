#!/usr/bin/env node
// `pnpm bench secrets-eval [--seed N] [--per N] [--verbose]`: the independent evaluation set
// (scripts/bench/secrets-eval/README.md) through `warden scan`, positives found per family and
// context, negatives flagged per kind. Results go to docs/benchmarks.md.
import { ROOT, machine, writeSection } from "./lib.mjs";
import { evaluate, tally } from "./secrets-eval/run.mjs";

const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  process.stdout.write("usage: pnpm bench secrets-eval [--seed N] [--per N] [--verbose]\nThe independent evaluation set (scripts/bench/secrets-eval/README.md) through warden scan (build first: pnpm build).\nResults go to docs/benchmarks.md.\n");
  process.exit(0);
}
const arg = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const seed = arg("--seed", Number(process.env.SECRETS_EVAL_SEED ?? 1));
const perPair = arg("--per", 2);
const verbose = argv.includes("--verbose") || process.env.SECRETS_EVAL_VERBOSE === "1";

const judged = evaluate(ROOT, { seed, perPair });
const positives = judged.filter((c) => c.kind === "positive");
const negatives = judged.filter((c) => c.kind === "negative");
const found = positives.filter((c) => c.hit).length;
const flagged = negatives.filter((c) => c.hit).length;
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;

const lines = [];
lines.push(`Seed ${seed}, ${perPair} per pair: positives found ${found}/${positives.length} (${pct(found, positives.length)}); negatives flagged ${flagged}/${negatives.length} (${pct(flagged, negatives.length)}).`, "");
lines.push("| family | found | of |", "| --- | ---: | ---: |");
for (const [family, g] of tally(positives, (c) => c.family)) lines.push(`| ${family} | ${g.hit} | ${g.total} |`);
lines.push("", "| context | found | of |", "| --- | ---: | ---: |");
for (const [context, g] of tally(positives, (c) => c.context.replace(/#\d+$/, ""))) lines.push(`| ${context} | ${g.hit} | ${g.total} |`);
lines.push("", "| negative kind | flagged | of |", "| --- | ---: | ---: |");
for (const [kind, g] of tally(negatives, (c) => c.family)) lines.push(`| ${kind} | ${g.hit} | ${g.total} |`);
process.stdout.write(`${lines.join("\n")}\n`);

if (verbose) {
  for (const c of positives.filter((p) => !p.hit)) process.stdout.write(`MISS ${c.family} ${c.context} ${c.path}:${c.line} [${c.rules.join(",")}]\n${c.text.split("\n")[c.line - 1].replace(/(.{12}).{12,}/, "$1…")}\n`);
  for (const c of negatives.filter((n) => n.hit)) process.stdout.write(`FLAG ${c.family} ${c.path} [${c.rules.join(",")}]\n${c.text}`);
}

writeSection("secrets-eval", [`Machine: ${machine()}; ${new Date().toISOString().slice(0, 10)}.`, "", ...lines].join("\n"));
