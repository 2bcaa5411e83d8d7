import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding } from "@warden/core";
import { describe, expect, it } from "vitest";
import { SecretScanner } from "../src/index.js";
import { ALNUM, rand } from "./fakes.js";

// Precision: look-alikes harvested at test time from real code on this machine (the lockfile's
// integrity hashes, this repository's object ids, and UUIDs, hex digests, base64 runs and
// minified bundles from the installed packages in node_modules), and the variable references,
// placeholders and configuration-only .env files real repositories are full of.

const root = fileURLToPath(new URL("../../../", import.meta.url));
const scanner = new SecretScanner();
const scan = (text: string, file = "src/vendor.js"): Finding[] => scanner.scan({ path: file, content: Buffer.from(text, "utf8") });
const LOWER_HEX = "0123456789abcdef";
const show = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`);

interface Item {
  readonly kind: string;
  readonly file: string;
  readonly text: string;
}

/** JavaScript and CSS files of the installed packages, in a stable order, each at most 512 KiB. */
function* packageFiles(): Generator<string> {
  const store = path.join(root, "node_modules/.pnpm");
  const stack = [store];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== ".bin") stack.push(full);
      else if (entry.isFile() && /\.(?:c?js|mjs|css)$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        if (statSync(full).size <= 512 * 1024) yield full;
      }
    }
  }
}

/** The line around `index`, at most 300 characters of it. */
function lineAround(text: string, index: number, length: number): string {
  const start = Math.max(text.lastIndexOf("\n", index) + 1, index - 150);
  const endOfLine = text.indexOf("\n", index + length);
  return text.slice(start, Math.min(endOfLine < 0 ? text.length : endOfLine, index + length + 150));
}

function harvest(): Item[] {
  const items: Item[] = [];
  const lock = readFileSync(path.join(root, "pnpm-lock.yaml"), "utf8");
  for (const m of lock.matchAll(/integrity: (sha\d+-[A-Za-z0-9+/=]+)/g)) items.push({ kind: "integrity", file: "pnpm-lock.yaml", text: `    resolution: {integrity: ${m[1]}}` });
  const git = (...args: string[]): string => execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  for (const line of git("ls-tree", "-r", "HEAD").split("\n").filter(Boolean).slice(0, 1000)) {
    const [, , oid] = line.split(/\s+/);
    items.push({ kind: "git-sha", file: "scripts/release.sh", text: `git checkout ${oid}\nexport COMMIT_SHA=${oid}` });
  }
  for (const oid of git("rev-list", "--max-count=300", "HEAD").split("\n").filter(Boolean)) {
    items.push({ kind: "git-sha", file: "CHANGELOG.md", text: `- fixed in [${oid.slice(0, 7)}](https://github.com/acme/warden/commit/${oid})` });
  }
  const caps: Record<string, number> = { uuid: 400, hex: 400, base64: 400, "data-uri": 200, minified: 400 };
  const counts: Record<string, number> = {};
  const add = (kind: string, text: string): void => {
    if ((counts[kind] ?? 0) >= (caps[kind] ?? 0)) return;
    counts[kind] = (counts[kind] ?? 0) + 1;
    items.push({ kind, file: "src/vendor.js", text });
  };
  const full = (): boolean => Object.keys(caps).every((kind) => (counts[kind] ?? 0) >= (caps[kind] as number));
  let files = 0;
  for (const file of packageFiles()) {
    // Enough look-alikes (or files) reached: stop, so the test stays at seconds.
    if ((files += 1) > 6000 || items.length >= 2300) break;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) add("uuid", lineAround(text, m.index, m[0].length));
    for (const m of text.matchAll(/(?<![0-9a-zA-Z])[0-9a-f]{32,128}(?![0-9a-zA-Z])/g)) add("hex", lineAround(text, m.index, m[0].length));
    for (const m of text.matchAll(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]{40,}/g)) add("data-uri", lineAround(text, m.index, Math.min(m[0].length, 2000)));
    for (const m of text.matchAll(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g)) {
      if (/[0-9]/.test(m[0]) && /[A-Z]/.test(m[0]) && /[a-z]/.test(m[0])) add("base64", lineAround(text, m.index, m[0].length));
    }
    if (/\.min\.js$/.test(file) || (text.length > 20_000 && text.split("\n", 20).some((l) => l.length > 2000))) {
      for (let i = 0; i + 2000 <= text.length && (counts.minified ?? 0) < (caps.minified as number); i += 2000) add("minified", text.slice(i, i + 2000));
    }
    if (full()) break;
  }
  return items;
}

describe("precision corpus: look-alikes from real code", () => {
  it("flags at most 1% of at least 2,000 harvested look-alikes", () => {
    const items = harvest();
    expect(items.length).toBeGreaterThanOrEqual(2000);
    const flagged = items.filter((item) => scan(item.text, item.file).length > 0);
    const kinds = [...new Set(items.map((i) => i.kind))].map((kind) => `${kind} ${flagged.filter((i) => i.kind === kind).length}/${items.filter((i) => i.kind === kind).length}`);
    console.log(`precision corpus: ${flagged.length}/${items.length} flagged (${((100 * flagged.length) / items.length).toFixed(2)}%): ${kinds.join(", ")}`);
    for (const item of flagged.slice(0, 10)) console.log(`  ${item.kind}: ${show(scan(item.text, item.file)).join("; ")}`);
    expect(flagged.length / items.length).toBeLessThanOrEqual(0.01);
  });
});

/** Variable references and placeholders of shells, CI systems, Windows, Helm/Go templates and docs. */
const REFERENCES = ["$DB_PASSWORD", "${DB_PASSWORD}", "${{ secrets.DB_PASSWORD }}", "%DB_PASSWORD%", "{{ .Values.db.password }}", "<your-password>", "$(DB_PASSWORD)", "#{db_password}", "{{DB_PASSWORD}}", "$env:DB_PASSWORD"];

/** Places a password goes. */
const PLACES: readonly ((value: string) => string)[] = [
  (v) => `DATABASE_URL=postgres://app:${v}@db.acme-corp.io:5432/app`,
  (v) => `git clone https://deploy:${v}@git.acme-corp.io/team/repo.git`,
  (v) => `password = "${v}"`,
  (v) => `  api_key: ${v}`,
  (v) => `SERVICE_TOKEN=${v}`,
  (v) => `curl -u admin:${v} https://ci.acme-corp.io/api/json`,
];

describe("variable references and placeholders are never findings", () => {
  it.each(REFERENCES.map((r) => [r] as const))("%s, in every place a password goes", (reference) => {
    for (const place of PLACES) {
      const text = `${place(reference)}\n`;
      expect(show(scan(text, "deploy/config.yml")), text).toEqual([]);
    }
  });

  it("while a literal password in the same places is found (the places are real ones)", () => {
    for (const place of PLACES) {
      const text = `${place(`${rand(ALNUM, 18)}7q`)}\n`;
      expect(scan(text, "deploy/config.yml").length, text).toBeGreaterThan(0);
    }
  });
});

describe("secrets/env-file judges what the file holds", () => {
  const config = "# local settings\nNODE_ENV=development\nPORT=3000\nAPI_URL=https://api.acme-corp.io\nDEBUG=false\nAPI_KEY=\nSECRET_TOKEN=${SECRET_TOKEN}\nexport LOG_LEVEL=info\nJWT_ISSUER=acme\n";
  const envFindings = (text: string): Finding[] => scan(text, "apps/web/.env.local").filter((f) => f.ruleId === "secrets/env-file");

  it("an .env file of ports, flags, hosts and references is not reported", () => {
    expect(envFindings(config)).toEqual([]);
  });

  it("is reported once it holds a secret-named literal, a URL with a password, or a random value", () => {
    expect(envFindings(`${config}API_KEY=${rand(ALNUM, 12)}9\n`)).toHaveLength(1);
    expect(envFindings(`${config}REDIS_URL=redis://default:${rand(ALNUM, 16)}@cache.acme-corp.io:6379\n`)).toHaveLength(1);
    expect(envFindings(`${config}UPSTREAM=${rand(ALNUM, 30)}7\n`)).toHaveLength(1);
  });
});

describe("classes of false positives seen on real repositories", () => {
  it("an .env file whose only URL has no (or an empty) password, and a self-describing dev stand-in, is not reported", () => {
    const envFindings = (text: string): Finding[] => scan(text, "examples/app/.env").filter((f) => f.ruleId === "secrets/env-file");
    expect(envFindings("# override in deployment\nDATABASE_URL=postgresql://postgres:@localhost:5432/next-prisma-starter-new\n")).toEqual([]);
    expect(envFindings('DATABASE_URL="postgresql://postgres:@localhost:5432/todo?schema=public"\nAPP_URL="http://localhost:3000"\n# NEXTAUTH_SECRET=""\n')).toEqual([]);
    expect(envFindings("NEXTAUTH_SECRET=supersecret\nGITHUB_ID=\nGITHUB_SECRET=\n")).toEqual([]);
    // The same files with a real value in them are reported.
    expect(envFindings(`NEXTAUTH_SECRET=${rand(ALNUM, 24)}7\nGITHUB_ID=\n`)).toHaveLength(1);
    expect(envFindings(`DATABASE_URL=postgresql://app:${rand(ALNUM, 16)}9@db.acme-corp.io:5432/app\n`)).toHaveLength(1);
  });

  it("Vite mode files of browser-public variables are not env-file findings; a secret-named server variable beside them is", () => {
    const envFindings = (text: string): Finding[] => scan(text, ".env.production").filter((f) => f.ruleId === "secrets/env-file");
    const vite = `MODE="production"\nVITE_APP_BACKEND_URL=https://json.acme-corp.io\nVITE_APP_FIREBASE_CONFIG='{"apiKey":"${rand(ALNUM, 30)}7","authDomain":"acme.firebaseapp.com"}'\nNEXT_PUBLIC_SENTRY_KEY=${rand(ALNUM, 24)}3\n`;
    expect(envFindings(vite)).toEqual([]);
    expect(envFindings(`${vite}SESSION_SECRET=${rand(ALNUM, 24)}7\n`)).toHaveLength(1);
  });

  it("a made-up token in a mocks module (dummyToken, a mock-named value) is not reported; the same value in source code is", () => {
    const value = `${rand(LOWER_HEX, 8)}-${rand(LOWER_HEX, 4)}-4${rand(LOWER_HEX, 3)}-a${rand(LOWER_HEX, 3)}-${rand(LOWER_HEX, 12)}`;
    const mocks = `export const dummyToken = {\n  access_token: '${value}',\n  expires_in: 60000,\n}\n`;
    expect(show(scan(mocks, "packages/oauth-providers/mocks.ts"))).toEqual([]);
    expect(show(scan(mocks.replace("dummyToken", "sessionData"), "packages/oauth-providers/src/session.ts")).join("\n")).toContain("secrets/generic-secret-assignment");
  });

  it("neighbouring strings in a list (a source map's names) are not a name and its value; define('API_KEY', '…') is", () => {
    const names = `{"version":3,"names":["printSequence","token","_node$directives$trai2","indent"],"mappings":"AAAA"}\n`;
    expect(show(scan(names, "lib/generators/base.js.map"))).toEqual([]);
    expect(show(scan(`<?php\ndefine('API_KEY', '${rand(ALNUM, 28)}7');\n`, "config/app.php")).join("\n")).toContain("secrets/generic-secret-assignment");
  });

  it("a translated string under a secret-sounding key (a locale file) is not a credential", () => {
    const locale = '{\n  "labels": {\n    "invalidEncryptionKey": "暗号化キーは22文字でなければなりません。",\n    "shareableLinkPassword": "共有リンクのパスワード2を設定します",\n    "token": "このトークン1は一度だけ表示されます"\n  }\n}\n';
    expect(show(scan(locale, "packages/app/locales/ja-JP.json"))).toEqual([]);
  });

  it("a bearer value of short words a test made up (oauth_token_123) is not reported; a random one is", () => {
    for (const made of ["oauth_token_123", "b2b_oauth_token_123", "invalid_b2b_token"]) {
      expect(show(scan(`const req = new Request(url, { headers: { Authorization: 'Bearer ${made}' } })\n`, "src/client.ts")), made).toEqual([]);
    }
    expect(show(scan(`const req = new Request(url, { headers: { Authorization: 'Bearer ${rand(ALNUM, 30)}7' } })\n`, "src/client.ts")).join("\n")).toContain("secrets/authorization-header");
  });

  it("a connection string whose password is a slot ([PASSWORD]) or a variable ($VAR) is not reported", () => {
    for (const password of ["[PASSWORD]", "[YOUR-PASSWORD]", "$POSTGRES_PASSWORD", "${POSTGRES_PASSWORD}", "DB_PASSWORD"]) {
      const text = `POSTGRES_URL="postgres://postgres.[USERNAME]:${password}@aws-0-eu-central-1.pooler.supabase.com:6543/postgres"\n`;
      expect(show(scan(text, ".env.example")), text).toEqual([]);
      expect(show(scan(text, "docker-compose.yml")), text).toEqual([]);
    }
    const live = `POSTGRES_URL="postgres://postgres.acme:${rand(ALNUM, 18)}3@aws-0-eu-central-1.pooler.supabase.com:6543/postgres"\n`;
    expect(scan(live, "docker-compose.yml").map((f) => f.ruleId)).toContain("secrets/database-url-password");
  });

  it("Algolia's search-only key in a DocSearch config is not reported; the same value elsewhere is", () => {
    const key = rand("0123456789abcdef", 31) + "7";
    const docsearch = `  themeConfig: {\n    algolia: {\n      appId: 'BTNX2K4MZQ',\n      apiKey: '${key}',\n      indexName: 'acme',\n    },\n  },\n`;
    expect(show(scan(docsearch, "www/docusaurus.config.ts"))).toEqual([]);
    const vitepress = `    search: {\n      provider: 'algolia',\n      options: {\n        appId: '69Y3N7LHI2',\n        apiKey: '${key}',\n        indexName: 'acme',\n      },\n    },\n`;
    expect(show(scan(vitepress, "docs/.vitepress/config/shared.ts"))).toEqual([]);
    expect(scan(`const client = createClient({ apiKey: '${key}' });\n`, "src/client.ts").map((f) => f.ruleId)).toEqual(["secrets/generic-secret-assignment"]);
  });
});

describe("the generic detector weighs surroundings", () => {
  const value = (): string => `${rand(ALNUM, 22)}4x`;

  it("reports a random value under a secret name in source code", () => {
    expect(scan(`const apiKey = "${value()}";\n`, "src/client.ts").map((f) => f.ruleId)).toEqual(["secrets/generic-secret-assignment"]);
  });

  it("does not report it in a test file on a line that calls it an example, nor digests and ids named as such", () => {
    expect(scan(`const apiKey = "${value()}"; // example value\n`, "test/client.test.ts")).toEqual([]);
    expect(scan(`const tokenHash = "${value()}";\nconst secretSha256 = "${value()}";\n`, "src/client.ts")).toEqual([]);
  });

  it("a name ending in key counts only with a token-shaped random value", () => {
    const token = (): string => `${rand(ALNUM, 28)}5Q`;
    for (const line of [`const sendgridKey = "${token()}";`, `MAILGUN_KEY=${token()}`, `  stripe_key: "${token()}"`, `{"x-key": "${token()}"}`, `creds = "${token()}"`]) {
      expect(scan(`${line}\n`, "src/config.ts").map((f) => f.ruleId), line).toEqual(["secrets/generic-secret-assignment"]);
    }
    for (const line of [
      'const cacheKey = "user:1234:profile:v2";',
      'const primaryKey = "organisation_id";',
      `publicKey: "${token()}",`,
      'i18nKey="home.title.welcome2"',
      'const storageKey = "app-settings-v2-2024";',
      `const sortKey = "${token()}";`,
      'const monkey = "Abcdefghijklmnopqrstu12345";',
      `const secretKey = process.env.SECRET_KEY;`,
      `const apiKey2 = "short1A";`,
    ]) {
      expect(show(scan(`${line}\n`, "src/config.ts")), line).toEqual([]);
    }
  });

  it("reads assignments inside Jupyter notebook JSON strings", () => {
    const cell = `{"cell_type": "code", "source": ["api_key = \\"${value()}\\"\\n"], "outputs": []}\n`;
    expect(scan(cell, "analysis.ipynb").map((f) => f.ruleId)).toEqual(["secrets/generic-secret-assignment"]);
  });
});
