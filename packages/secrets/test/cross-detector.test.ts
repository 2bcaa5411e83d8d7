import type { Finding } from "@warden/core";
import { describe, expect, it } from "vitest";
import { DETECTORS, SecretScanner, type ContentDetector } from "../src/index.js";
import { CASES } from "./cases.js";
import { ALNUM, B64, checksummed, rand } from "./fakes.js";
import { hasFormat } from "./generated.js";

// The per-detector tests (detectors.test.ts) look only at the detector under test. These run
// the same samples through the whole scanner — every detector, default settings, the way
// `warden scan` does — so that a false hit by another detector (the generic assignment one, the
// URL-password ones, JWT …), a secret reported twice, or a specific detector losing its secret
// to a catch-all one fails here.

const CONTENT = DETECTORS.filter((d): d is ContentDetector => d.kind === "content");
const p = (...parts: string[]): string => parts.join("");

const scanner = new SecretScanner();

function scanAll(text: string, path = "src/config.ts"): Finding[] {
  return scanner.scan({ path, content: Buffer.from(text, "utf8") });
}

function show(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine ?? f.line}:${f.endColumn ?? f.column} ${f.message}`);
}

/** Whether two findings cover overlapping text. */
function overlap(a: Finding, b: Finding): boolean {
  const start = (f: Finding): number => f.line * 1e6 + f.column;
  const end = (f: Finding): number => (f.endLine ?? f.line) * 1e6 + (f.endColumn ?? f.column);
  return start(a) < end(b) && start(b) < end(a);
}

/**
 * True-positive samples that legitimately hold a second secret for another detector, by sample
 * index: those findings are expected too (on other text than the sample's own secret).
 */
const COMPANIONS: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  // The secret key stands next to its access key id (that is what the detector looks for).
  "aws-secret-access-key": { 0: ["aws-access-key-id"] },
};

/**
 * Detectors whose format is defined by what stands around the token (a variable name, a nearby
 * key id, a JSON key file): their tokens alone, assigned to another name, are not theirs.
 */
const CONTEXTUAL = new Set([
  // Every assigned-secret detector: a generic shape under a name carrying the vendor's name.
  ...CONTENT.filter((d) => hasFormat(d) && d.format.names !== undefined).map((d) => d.id),
  "aws-secret-access-key", // 40 base64 characters near an access key id or an aws_secret_access_key name
  "connection-string-password", // Password= next to Server=, Host=, User ID= … of the same connection string
  "pypirc-password", // password = in a .pypirc section
  "kubernetes-secret-manifest", // a data/stringData value of a kind: Secret document
  "docker-config-auth", // an "auth" under "auths"
  "nuget-config-password", // a ClearTextPassword add element
  "maven-settings-password", // a <password> element
  "curl-user-password", // -u user:pass of a curl, wget or HTTPie command
  "authorization-header", // the value of an Authorization header
  "azure-sas-token", // a sig= next to an sv=<date> of the same URL or connection string
  "discord-bot-token", // near a Discord name
  "google-service-account", // a private_key_id in a service-account JSON file
  "twilio-api-key", // SK + 32 hex near a Twilio name
  "twilio-auth-token", // 32 hex near a Twilio name
]);

/** Specific detectors whose tokens stand on their own. */
const WRAPPABLE = CONTENT.filter((d) => (d.fallback === undefined || d.fallback === false) && !CONTEXTUAL.has(d.id));

/** Secret-named assignments a token may be pasted into. */
const ASSIGNMENTS: readonly ((token: string) => string)[] = [
  (t) => `const apiToken = "${t}";\n`,
  (t) => `SERVICE_API_TOKEN=${t}\n`,
  (t) => `  client_secret: '${t}'\n`,
];

/**
 * The whole text a detector's pattern matches in one of its samples — the token, with the
 * `AccountKey=` or `scheme://user:…@host` around a secret group — when it is a single word
 * (undefined for key blocks and samples whose match includes spaces).
 */
function tokenOf(id: string, sample: string): string | undefined {
  const detector = CONTENT.find((d) => d.id === id) as ContentDetector;
  const token = new RegExp(detector.pattern.source, detector.pattern.flags.replace(/[gy]/g, "")).exec(sample)?.[0];
  return token !== undefined && /^[^\s"'`]+$/.test(token) ? token : undefined;
}

/** Exactly the intended finding (plus declared companions), no two findings on the same text. */
function expectFoundBy(id: string, index: number, text: string): void {
  const findings = scanAll(text);
  const expected = [id, ...(COMPANIONS[id]?.[index] ?? [])].map((d) => `secrets/${d}`).sort();
  expect(findings.map((f) => f.ruleId).sort(), `${id} (sample ${index}) should be found, and nothing else, in:\n${text}\n${show(findings).join("\n")}`).toEqual(expected);
  for (const a of findings) {
    for (const b of findings) {
      if (a !== b) expect(overlap(a, b), `two findings on the same text:\n${show([a, b]).join("\n")}`).toBe(false);
    }
  }
}

describe("every detector's false-positive samples, through the whole scanner", () => {
  it.each(CONTENT.map((d) => [d.id] as const))("%s: no detector reports them", (id) => {
    const misses = CASES[id]?.miss ?? [];
    expect(misses.length).toBeGreaterThan(0);
    for (const make of misses) {
      const text = make();
      expect(show(scanAll(text)), `no detector should report:\n${text}`).toEqual([]);
    }
  });
});

describe("every detector's true-positive samples, through the whole scanner", () => {
  it.each(CONTENT.map((d) => [d.id] as const))("%s: found by it alone", (id) => {
    const hits = CASES[id]?.hit ?? [];
    expect(hits.length).toBeGreaterThan(0);
    hits.forEach((make, index) => expectFoundBy(id, index, `// settings\n${make()}\n`));
  });

  // The same token assigned to a secret-named variable: the generic detector (a fallback) matches
  // too and must give way to the specific one, in code, env-file and YAML syntax.
  it.each(WRAPPABLE.map((d) => [d.id] as const))(
    "%s: a secret-named assignment of its token is still its finding",
    (id) => {
      (CASES[id]?.hit ?? []).forEach((make, index) => {
        const token = tokenOf(id, make());
        if (token === undefined) return; // a multi-line block
        for (const context of ASSIGNMENTS) expectFoundBy(id, index, context(token));
      });
    },
  );

  it("wraps the tokens of most detectors (so the test above is not vacuous)", () => {
    const wrapped = WRAPPABLE.filter((d) => (CASES[d.id]?.hit ?? []).some((make) => tokenOf(d.id, make()) !== undefined));
    expect(wrapped.length).toBeGreaterThanOrEqual(40);
  });

  it("a token in an .npmrc line is reported once, by its own detector", () => {
    const npm = checksummed(p("np", "m_"));
    expectFoundBy("npm-access-token", 0, `//registry.npmjs.org/:${p("_auth", "Token")}=${npm}\n`);
    // Not an npm token: the .npmrc detector (a fallback too) reports it, the generic one gives way.
    expectFoundBy("npmrc-auth-token", 0, `//npm.pkg.example.org/:${p("_auth", "Token")}=${rand(ALNUM, 36)}\n`);
    expectFoundBy("npmrc-auth-token", 0, `//npm.pkg.example.org/:${p("_pass", "word")}="${rand(B64, 24)}9"\n`);
    expectFoundBy("npmrc-auth-token", 0, `registry=https://npm.pkg.example.org/\n${p("_au", "th")}=${rand(B64, 32)}9\n`);
    // `_password` inside a name is not an .npmrc key: the generic detector's alone, reported once.
    expectFoundBy("generic-secret-assignment", 0, `db${p("_pass", "word")} = "${rand(ALNUM, 16)}7"\n`);
  });
});

/**
 * Per detector with published vendor examples: the context the vendor's docs show the example
 * in, and how to build a random look-alike of an example (same prefix and suffix, random body)
 * that the same context must report, so that "not reported" means the example list worked.
 */
const HOMES: Readonly<Record<string, { readonly context: (value: string) => string; readonly keep: [number, number]; readonly chars: string }>> = {
  "aws-access-key-id": { context: (v) => `[default]\naws_access_key_id = ${v}\n`, keep: [4, 0], chars: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" },
  "aws-secret-access-key": { context: (v) => `[default]\naws_secret_access_key = ${v}\n`, keep: [0, 0], chars: B64 },
  // The storage emulator's (Azurite's) well-known account key, in its documented connection string.
  "azure-storage-account-key": {
    context: (v) => `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;${p("Account", "Key=")}${v};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\n`,
    keep: [0, 2],
    chars: B64,
  },
  // The Cosmos DB emulator's well-known key, as Microsoft's emulator docs assign it.
  "azure-cosmos-db-key": { context: (v) => `COSMOS_KEY="${v}"\n`, keep: [0, 2], chars: B64 },
  // Confluent's example secret, as a Kafka client's SASL password (the page's use of it).
  "confluent-cloud-api-secret-cflt": { context: (v) => `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${p("ABCD", "1234567890AB")}" password="${v}";\n`, keep: [4, 0], chars: B64 },
  // Gitea's API Usage page: the `sha1` of a token-creation response, then used as GITEA_TOKEN.
  "gitea-access-token": { context: (v) => `GITEA_TOKEN=${v}\n`, keep: [0, 0], chars: "0123456789abcdef" },
  "stripe-test-key": { context: (v) => `const stripe = require("stripe")("${v}");\n`, keep: [8, 0], chars: ALNUM },
  // Tailscale's key-prefixes page shows an API access token id; the random part is before CNTRL-.
  "tailscale-key": { context: (v) => `curl -u "${v}:" https://api.tailscale.com/api/v2/tailnet/-/devices\n`, keep: [10, 24], chars: ALNUM },
};

/** Contexts any key may be pasted into: bare, and assigned to secret-named variables. */
const ANYWHERE: readonly ((value: string) => string)[] = [
  (v) => `${v}\n`,
  (v) => `const apiKey = "${v}";\n`,
  (v) => `SECRET_KEY=${v}\n`,
  (v) => `storage:\n  access_key: '${v}'\n`,
  (v) => `{ "password": "${v}" }\n`,
];

function lookalike(example: string, keep: readonly [number, number], chars: string): string {
  const [head, tail] = keep;
  let body = "";
  do body = rand(chars, example.length - head - tail);
  while (body.toUpperCase().includes("EXAMPLE"));
  return `${example.slice(0, head)}${body}${example.slice(example.length - tail)}`;
}

describe("vendors' published example keys", () => {
  const withExamples = CONTENT.filter((d) => (d.examples?.length ?? 0) > 0);

  it("every detector with examples has a documented home context here", () => {
    expect(withExamples.map((d) => d.id).sort()).toEqual(Object.keys(HOMES).sort());
  });

  it.each(withExamples.map((d) => [d.id] as const))("%s: its examples are reported by no detector, anywhere", (id) => {
    const detector = CONTENT.find((d) => d.id === id) as ContentDetector;
    const home = HOMES[id];
    expect(home).toBeDefined();
    for (const example of detector.examples ?? []) {
      for (const context of [home!.context, ...ANYWHERE]) {
        const text = context(example);
        expect(show(scanAll(text)), `a vendor example must not be reported:\n${text}`).toEqual([]);
      }
      // A random key of the same shape in the same place is reported: the context is a real one.
      const fake = home!.context(lookalike(example, home!.keep, home!.chars));
      expect(scanAll(fake).map((f) => f.ruleId), fake).toContain(`secrets/${id}`);
    }
  });
});
