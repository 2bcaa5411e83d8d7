import { describe, expect, it } from "vitest";
import { buildCases } from "../../../scripts/bench/secrets-eval/cases.mjs";
import { judge, type EvalFinding } from "../../../scripts/bench/secrets-eval/run.mjs";
import { SecretScanner } from "../src/index.js";

// A fixed-seed slice of the independent evaluation set (scripts/bench/secrets-eval/README.md),
// through the whole scanner: every family in every context once, and every look-alike. The full
// set, through `warden scan` on files, is `pnpm bench secrets-eval`.

const scanner = new SecretScanner();
const cases = buildCases({ seed: 16, perPair: 1 });
const findings: EvalFinding[] = cases.flatMap((c, i) =>
  scanner.scan({ path: `c${String(i).padStart(4, "0")}/${c.path}`, content: Buffer.from(c.text, "utf8") }).map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line ?? 0, endLine: f.endLine ?? f.line ?? 0 })),
);
const judged = judge(cases, findings);
const positives = judged.filter((c) => c.kind === "positive");
const negatives = judged.filter((c) => c.kind === "negative");
const describeCase = (c: (typeof judged)[number]): string => `${c.family} in ${c.context} (${c.path}:${c.line}) [${c.rules.join(", ")}]`;

describe("the evaluation set, seed 16 (one sample of every family in every context)", () => {
  it("covers every family the issue names, each in many contexts", () => {
    const families = new Set(positives.map((c) => c.family));
    for (const family of ["slack-legacy-bot-token", "slack-workspace-token", "slack-config-token", "sentry-org-token", "sentry-user-token", "cloudflare-origin-ca-key", "cloudflare-api-token", "age-secret-key", "aws-bedrock-api-key", "perplexity-api-key", "huggingface-org-token", "sonarqube-token", "sonarcloud-token", "snyk-api-token", "atlassian-api-token", "azure-ad-client-secret", "kubernetes-secret", "curl-credentials", "registry-config", "clickhouse-cloud-api-key", "maxmind-license-key", "sidekiq-credentials", "messagebird-access-key", "tailscale-key", "sourcegraph-access-token", "generic-api-key"]) {
      expect(families, family).toContain(family);
    }
    expect(positives.length).toBeGreaterThan(1000);
    expect(negatives.length).toBeGreaterThan(150);
  });

  it("finds at least 97% of the positives, on the secret's own line", () => {
    const missed = positives.filter((c) => !c.hit);
    expect(missed.length / positives.length, missed.map(describeCase).join("\n")).toBeLessThanOrEqual(0.03);
  });

  it("finds every token with a vendor prefix wherever it stands", () => {
    // The families recognisable on their own (no name needed) are found in every context.
    const prefixed = new Set(["slack-bot-token", "slack-legacy-bot-token", "slack-workspace-token", "slack-config-token", "sentry-org-token", "sentry-user-token", "cloudflare-origin-ca-key", "age-secret-key", "aws-bedrock-api-key", "perplexity-api-key", "huggingface-org-token", "sonarqube-token", "atlassian-api-token", "clickhouse-cloud-api-key", "maxmind-license-key", "tailscale-key", "sourcegraph-access-token", "github-pat", "stripe-secret-key", "doppler-token"]);
    expect(positives.filter((c) => prefixed.has(c.family) && !c.hit).map(describeCase)).toEqual([]);
  });

  it("reads a name in a typed declaration, an XML element, a Dockerfile ENV line and a header setter", () => {
    // Rust `const X: &str = "…"`, `<apiToken>…</apiToken>`, `ENV NAME value`: the forms the
    // assignment-reading detectors once missed. Generic values are scored, so only vendor families count here.
    const forms = positives.filter((c) => ["rust", "xml", "dockerfile", "k8s_env"].includes(c.context) && !c.family.startsWith("generic-"));
    expect(forms.length).toBeGreaterThan(200);
    expect(forms.filter((c) => !c.hit).map(describeCase)).toEqual([]);
    expect(positives.filter((c) => c.family === "authorization-header" && !c.hit).map(describeCase)).toEqual([]);
  });

  it("flags none of the look-alikes (placeholders, references, hashes, ids, public keys, examples)", () => {
    expect(negatives.filter((c) => c.hit).map(describeCase)).toEqual([]);
  });
});
