import { DETECTORS } from "../src/index.js";
import { ALNUM, B64, checksummed, HEX, jwt, pem, rand, UPPER_NUM, URLSAFE } from "./fakes.js";
import { generatedCases } from "./generated.js";

/**
 * Per detector: text that it must report, and text that no detector may report. Shared by the
 * per-detector tests (detectors.test.ts) and the whole-scanner tests (cross-detector.test.ts).
 */
export interface Cases {
  readonly hit: readonly (() => string)[];
  readonly miss: readonly (() => string)[];
}

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
// Prefixes are split so that this file itself holds no whole token shape.
const p = (...parts: string[]): string => parts.join("");

const HAND_WRITTEN: Record<string, Cases> = {
  "aws-access-key-id": {
    hit: [() => `aws_access_key_id = ${p("AK", "IA")}${rand(B32, 16)}`, () => `"${p("AS", "IA")}${rand(B32, 16)}"`],
    miss: [() => `id = ${p("AKIAIOSFODNN7", "EXAMPLE")}`, () => `${p("AK", "IA")}${"Z".repeat(16)}`, () => `x${p("AK", "IA")}${rand(B32, 16)}`],
  },
  "aws-secret-access-key": {
    hit: [
      () => `aws_access_key_id=${p("AK", "IA")}${rand(B32, 16)}\naws_secret_access_key=${rand(B64, 37)}Zz9`,
      () => `AWS_SECRET_ACCESS_KEY: "${rand(B64, 37)}aB3"`,
    ],
    miss: [
      () => `aws_secret_access_key = ${p("wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "EXAMPLEKEY")}`,
      () => `aws region us-east-1 commit ${rand(HEX, 40)}`,
      () => `unrelated = "${rand(B64, 37)}aB3"`,
    ],
  },
  "github-pat": {
    hit: [() => `token: ${checksummed(p("gh", "p_"))}`],
    miss: [() => `${p("gh", "p_")}${"a".repeat(36)}`, () => `${p("gh", "p_")}short`],
  },
  "github-oauth-token": { hit: [() => checksummed(p("gh", "o_"))], miss: [() => `${p("gh", "o_")}${rand(ALNUM, 20)}`] },
  "github-user-to-server-token": { hit: [() => checksummed(p("gh", "u_"))], miss: [() => `${p("gh", "u_")}${rand(ALNUM, 37)}`] },
  "github-server-to-server-token": { hit: [() => checksummed(p("gh", "s_"))], miss: [() => `x${p("gh", "s_")}${rand(ALNUM, 36)}`] },
  "github-refresh-token": { hit: [() => checksummed(p("gh", "r_"))], miss: [() => `${p("gh", "r_")}${"0".repeat(36)}`] },
  "github-fine-grained-pat": {
    hit: [() => `${p("github", "_pat_")}${rand(ALNUM, 22)}_${rand(ALNUM, 59)}`],
    miss: [() => `${p("github", "_pat_")}${rand(ALNUM, 22)}`],
  },
  "gitlab-pat": { hit: [() => `${p("gl", "pat-")}${rand(URLSAFE, 20)}`], miss: [() => `${p("gl", "pat-")}xxxxxxxxxxxxxxxxxxxx`] },
  "gitlab-deploy-token": { hit: [() => `${p("gl", "dt-")}${rand(URLSAFE, 24)}`], miss: [() => `${p("gl", "dt-")}abc`] },
  "gitlab-runner-token": {
    hit: [() => `${p("gl", "rt-")}${rand(URLSAFE, 20)}`, () => `${p("GR13", "48941")}${rand(URLSAFE, 20)}`],
    miss: [() => `${p("gl", "rt-")}${"a".repeat(20)}`],
  },
  "gitlab-pipeline-trigger-token": { hit: [() => `${p("gl", "ptt-")}${rand(HEX, 40)}`], miss: [() => `${p("gl", "ptt-")}${rand(HEX, 20)}`] },
  "slack-bot-token": {
    hit: [() => `${p("xo", "xb-")}${rand("0123456789", 12)}-${rand("0123456789", 13)}-${rand(ALNUM, 24)}`],
    miss: [() => `${p("xo", "xb-")}not-a-token`],
  },
  "slack-user-token": {
    hit: [() => `${p("xo", "xp-")}${rand("0123456789", 12)}-${rand("0123456789", 12)}-${rand("0123456789", 13)}-${rand(HEX, 32)}`],
    miss: [() => `${p("xo", "xp-")}1-2-3-4`],
  },
  "slack-app-token": {
    hit: [() => `${p("xa", "pp-")}1-${rand(UPPER_NUM, 11)}-${rand("0123456789", 13)}-${rand(HEX, 64)}`],
    miss: [() => `${p("xa", "pp-")}1-ABC-1-abc`],
  },
  "slack-config-token": {
    hit: [() => `${p("xo", "xe.xo", "xp-")}1-${rand(UPPER_NUM, 163)}`, () => `${p("xo", "xe-")}1-${rand(UPPER_NUM, 146)}`],
    miss: [() => `${p("xo", "xe.xo", "xp-")}1-SHORT`],
  },
  "slack-legacy-token": {
    hit: [() => `${p("xo", "xs-")}${rand("0123456789", 10)}-${rand("0123456789", 11)}-${rand(ALNUM, 24)}`],
    miss: [() => `${p("xo", "xs-")}hello`],
  },
  "slack-webhook-url": {
    hit: [() => `https://${p("hooks.sl", "ack.com")}/services/T${rand(UPPER_NUM, 10)}/B${rand(UPPER_NUM, 10)}/${rand(ALNUM, 24)}`],
    miss: [() => `https://${p("hooks.sl", "ack.com")}/services/T000/B000/XXXX`],
  },
  "stripe-secret-key": { hit: [() => `${p("sk", "_live_")}${rand(ALNUM, 24)}`], miss: [() => `${p("sk", "_live_")}${"x".repeat(24)}`] },
  "stripe-restricted-key": { hit: [() => `${p("rk", "_live_")}${rand(ALNUM, 99)}`], miss: [() => `${p("rk", "_live_")}abc`] },
  "stripe-test-key": {
    hit: [() => `${p("sk", "_test_")}${rand(ALNUM, 24)}`],
    miss: [() => `stripe.setKey("${p("sk_test_4eC39HqLyjW", "Darjt", "T1zdp7dc")}")`],
  },
  "stripe-webhook-secret": { hit: [() => `${p("wh", "sec_")}${rand(ALNUM, 32)}`], miss: [() => `${p("wh", "sec_")}...`] },
  "google-api-key": { hit: [() => `key=${p("AI", "za")}${rand(URLSAFE, 35)}`], miss: [() => `${p("AI", "za")}${rand(URLSAFE, 20)}`] },
  "google-service-account": {
    hit: [() => `{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "${rand(HEX, 40)}",\n  "client_email": "a@b"\n}`],
    miss: [() => `{\n  "type": "authorized_user",\n  "private_key_id": "${rand(HEX, 40)}"\n}`],
  },
  "google-oauth-client-secret": { hit: [() => `${p("GOC", "SPX-")}${rand(URLSAFE, 28)}`], miss: [() => `${p("GOC", "SPX-")}short`] },
  "openai-api-key": {
    hit: [() => `${p("sk-", "proj-")}${rand(URLSAFE, 120)}`, () => `${p("sk", "-")}${rand(ALNUM, 20)}${p("T3Blbk", "FJ")}${rand(ALNUM, 20)}`],
    miss: [() => `${p("sk-", "proj-")}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
  },
  "anthropic-api-key": { hit: [() => `${p("sk-", "ant-", "api03-")}${rand(URLSAFE, 93)}AA`], miss: [() => `${p("sk-", "ant-", "api03-")}abc`] },
  "anthropic-admin-key": { hit: [() => `${p("sk-", "ant-", "admin01-")}${rand(URLSAFE, 93)}AA`], miss: [() => `${p("sk-", "ant-", "admin01-")}${rand(URLSAFE, 20)}`] },
  "huggingface-token": { hit: [() => `${p("h", "f_")}${rand(ALNUM.slice(0, 52), 34)}`], miss: [() => `${p("h", "f_")}${"a".repeat(34)}`] },
  "npm-access-token": { hit: [() => checksummed(p("np", "m_"))], miss: [() => `${p("np", "m_")}${rand(ALNUM, 12)}`] },
  "npmrc-auth-token": {
    hit: [() => `//registry.example.org/:${p("_auth", "Token")}=${rand(URLSAFE, 40)}`],
    miss: [
      () => `//registry.npmjs.org/:${p("_auth", "Token")}=\${NPM_TOKEN}`,
      // Not an .npmrc key: `_auth` inside another name (nor a secret name for the generic detector).
      () => `config.user${p("_au", "th")} = "${rand(ALNUM, 18)}7"`,
    ],
  },
  "pypi-token": { hit: [() => `${p("pypi-", "AgEIcHlwaS5vcmc")}${rand(URLSAFE, 70)}`], miss: [() => `${p("pypi-", "AgEIcHlwaS5vcmc")}abc`] },
  "twilio-api-key": { hit: [() => `TWILIO_API_KEY=${p("S", "K")}${rand(HEX, 32)}`], miss: [() => `other_key=${p("S", "K")}${rand(HEX, 32)}`] },
  "twilio-auth-token": { hit: [() => `twilio_auth_token = "${rand(HEX, 32)}"`], miss: [() => `twilio_auth_token = "${"0".repeat(32)}"`] },
  "sendgrid-api-key": { hit: [() => `${p("S", "G.")}${rand(URLSAFE, 22)}.${rand(URLSAFE, 43)}`], miss: [() => `${p("S", "G.")}abc.def`] },
  "mailgun-api-key": { hit: [() => `MAILGUN=${p("ke", "y-")}${rand(HEX, 32)}`], miss: [() => `${p("ke", "y-")}${"0".repeat(32)}`] },
  "telegram-bot-token": {
    hit: [() => `${rand("123456789", 9)}${p(":A", "A")}${rand(URLSAFE, 33)}`],
    miss: [() => `12345${p(":A", "A")}${rand(URLSAFE, 33)}`],
  },
  "discord-bot-token": {
    hit: [() => `DISCORD_TOKEN=M${rand(URLSAFE, 23)}.${rand(URLSAFE, 6)}.${rand(URLSAFE, 27)}`],
    miss: [() => `value=M${rand(URLSAFE, 23)}.${rand(URLSAFE, 6)}.${rand(URLSAFE, 27)}`],
  },
  "discord-webhook-url": {
    hit: [() => `https://${p("disc", "ord.com")}/api/webhooks/${rand("0123456789", 18)}/${rand(URLSAFE, 68)}`],
    miss: [() => `https://${p("disc", "ord.com")}/api/webhooks/123/abc`],
  },
  "azure-storage-account-key": {
    hit: [() => `DefaultEndpointsProtocol=https;AccountName=demo;${p("Account", "Key=")}${rand(B64, 86)}==;EndpointSuffix=core.windows.net`],
    miss: [() => `${p("Account", "Key=")}${"A".repeat(86)}==`],
  },
  "azure-sas-token": {
    hit: [() => `https://demo.blob.core.windows.net/c?sv=2022-11-02&ss=b&sp=r&se=2030-01-01&${p("si", "g=")}${rand(ALNUM, 43)}%3D`],
    miss: [() => `https://example.test/?${p("si", "g=")}${rand(ALNUM, 43)}`],
  },
  "shopify-access-token": { hit: [() => `${p("shp", "at_")}${rand(HEX, 32)}`], miss: [() => `${p("shp", "at_")}${rand(HEX, 16)}`] },
  "shopify-shared-secret": { hit: [() => `${p("shp", "ss_")}${rand(HEX, 32)}`], miss: [() => `${p("shp", "ss_")}${"0".repeat(32)}`] },
  "digitalocean-token": { hit: [() => `${p("dop", "_v1_")}${rand(HEX, 64)}`], miss: [() => `${p("dop", "_v1_")}${rand(HEX, 10)}`] },
  "hashicorp-vault-token": { hit: [() => `VAULT_TOKEN=${p("hv", "s.")}${rand(URLSAFE, 90)}`], miss: [() => `${p("hv", "s.")}short`] },
  "age-secret-key": {
    hit: [() => `${p("AGE-SECRET", "-KEY-1")}${rand("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)}`],
    miss: [() => `${p("AGE-SECRET", "-KEY-1")}QQQ`],
  },
  jwt: {
    hit: [() => `Authorization: Bearer ${jwt()}`],
    miss: [
      () => jwt("none"),
      () => `${p("ey", "J")}notbase64json.${p("ey", "J")}morejunkhere.${rand(URLSAFE, 20)}`,
      // jwt.io's sample token (its claims), as found in docs and library tests
      () => {
        const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
        return `${enc({ alg: "HS256", typ: "JWT" })}.${enc({ sub: "1234567890", name: "John Doe", iat: 1516239022 })}.${rand(URLSAFE, 43)}`;
      },
    ],
  },
  "database-url-password": {
    hit: [() => `DATABASE_URL=postgres://app:${rand(ALNUM, 16)}@db.internal:5432/app`, () => `mongodb+srv://svc:${rand(ALNUM, 12)}@cluster0.mongodb.net/x`],
    miss: [
      () => "postgres://postgres:postgres@localhost:5432/app",
      () => "postgres://app:${DB_PASSWORD}@db/app",
      () => "mysql://user:<password>@host/db",
    ],
  },
  "url-password": {
    hit: [() => `git clone https://deploy:${rand(ALNUM, 20)}@git.acme-corp.io/repo.git`],
    miss: [
      () => "https://user:password@example.com",
      () => "https://example.com/a:b@c",
      () => `const url = new URL('https://abc:${rand(ALNUM, 12)}@api.example.com');`,
    ],
  },
  "private-key-rsa": { hit: [() => pem(p("RSA PRIVATE", " KEY"))], miss: [() => `-----BEGIN ${p("RSA PRIVATE", " KEY")}-----\n...\n-----END ${p("RSA PRIVATE", " KEY")}-----`] },
  "private-key-ec": { hit: [() => pem(p("EC PRIVATE", " KEY"), 3)], miss: [() => `-----BEGIN ${p("EC PRIVATE", " KEY")}-----`] },
  "private-key-dsa": { hit: [() => pem(p("DSA PRIVATE", " KEY"))], miss: [() => `BEGIN ${p("DSA PRIVATE", " KEY")} in prose`] },
  "private-key-openssh": {
    hit: [() => pem(p("OPENSSH PRIVATE", " KEY"), 7)],
    miss: [() => `-----BEGIN ${p("OPENSSH PRIVATE", " KEY")}-----\n${"A".repeat(64)}\n-----END ${p("OPENSSH PRIVATE", " KEY")}-----`],
  },
  "private-key-pkcs8": {
    // Ed25519 PKCS#8 keys are short: one line of base64.
    hit: [() => pem(p("PRIVATE", " KEY"), 2), () => `"private_key": "-----BEGIN ${p("PRIVATE", " KEY")}-----\\n${rand(B64, 64)}\\n${rand(B64, 40)}\\n-----END ${p("PRIVATE", " KEY")}-----\\n"`],
    miss: [() => `-----BEGIN ${p("PRIVATE", " KEY")}-----\n<your key here>\n-----END ${p("PRIVATE", " KEY")}-----`],
  },
  "private-key-pkcs8-encrypted": { hit: [() => pem(p("ENCRYPTED PRIVATE", " KEY"))], miss: [() => `-----BEGIN ${p("ENCRYPTED PRIVATE", " KEY")}-----\n-----END`] },
  "private-key-pgp": {
    hit: [() => `-----BEGIN ${p("PGP PRIVATE KEY", " BLOCK")}-----\nVersion: GnuPG v2\n\n${rand(B64, 64)}\n${rand(B64, 64)}\n=${rand(B64, 4)}\n-----END ${p("PGP PRIVATE KEY", " BLOCK")}-----`],
    miss: [() => `-----BEGIN ${p("PGP PUBLIC KEY", " BLOCK")}-----\n${rand(B64, 64)}\n-----END ${p("PGP PUBLIC KEY", " BLOCK")}-----`],
  },
  "private-key-putty": {
    hit: [
      () =>
        `${p("PuTTY-User", "-Key-File-3")}: ssh-ed25519\nEncryption: none\nComment: me\nPublic-Lines: 2\n${rand(B64, 64)}\n${rand(B64, 20)}\nPrivate-Lines: 1\n${rand(B64, 64)}\nPrivate-MAC: ${rand(HEX, 64)}\n`,
    ],
    miss: [() => `${p("PuTTY-User", "-Key-File-3")}: ssh-ed25519\nPrivate-Lines: 1\nAAAA\n`],
  },
  "curl-user-password": {
    hit: [
      () => `curl -fsS -u deploy:${rand(ALNUM, 18)}7 https://ci.acme-corp.io/api/json`,
      () => `wget --user=ci --password=${rand(ALNUM, 16)}4 https://repo.acme-corp.io/pkg.tgz`,
      () => `http -a admin:${rand(ALNUM, 14)}2 POST https://api.acme-corp.io/items`,
    ],
    miss: [
      () => "curl -u admin:admin http://localhost:8080/",
      () => "curl -u $CI_USER:$CI_PASSWORD https://ci.acme-corp.io/api/json",
      () => "curl --user deploy https://ci.acme-corp.io/ # prompts for the password",
      () => 'curl -u "${API_KEY}:" https://api.acme-corp.io/v1/me',
    ],
  },
  "authorization-header": {
    hit: [
      () => `curl -H "Authorization: Bearer ${rand(URLSAFE, 38)}9a" https://api.acme-corp.io/v1/me`,
      () => `fetch(url, { headers: { Authorization: "Basic ${Buffer.from(`svc:${rand(ALNUM, 16)}3`).toString("base64")}" } });`,
      () => `GET /v1/items HTTP/1.1\nX-Api-Key: ${rand(ALNUM, 30)}5`,
    ],
    miss: [
      () => 'curl -H "Authorization: Bearer $TOKEN" https://api.acme-corp.io/v1/me',
      () => "headers: { Authorization: `Bearer ${token}` }",
      () => 'curl -H "Authorization: Bearer <your-access-token>" https://api.acme-corp.io',
      () => `Authorization: Basic ${Buffer.from("user:password").toString("base64")}`,
      () => "Authorization: Bearer YOUR_ACCESS_TOKEN",
    ],
  },
  "kubernetes-secret-manifest": {
    hit: [
      () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: ${Buffer.from("app").toString("base64")}\n  password: ${Buffer.from(`${rand(ALNUM, 14)}6`).toString("base64")}\n`,
      () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: "${rand(ALNUM, 28)}1"\n`,
    ],
    miss: [
      () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  logo: ${Buffer.from(`${rand(ALNUM, 24)}6`).toString("base64")}\n`,
      () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from("changeme").toString("base64")}\n  username: ${Buffer.from("admin").toString("base64")}\n`,
      () => "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${DB_PASSWORD}\n",
    ],
  },
  "connection-string-password": {
    hit: [
      () => `"Default": "Server=tcp:sql.acme-corp.io,1433;Initial Catalog=app;User ID=svc;Password=${rand(ALNUM, 16)}8;Encrypt=True;"`,
      () => `url: jdbc:postgresql://db.acme-corp.io:5432/app?user=svc&password=${rand(ALNUM, 16)}3`,
      () => `jdbc:oracle:thin:svc/${rand(ALNUM, 12)}5@db.acme-corp.io:1521/ORCL`,
    ],
    miss: [
      () => '"Default": "Server=localhost;Database=app;User ID=sa;Password=${SA_PASSWORD};"',
      () => "Host=localhost;Username=postgres;Password=postgres",
      () => "jdbc:mysql://localhost:3306/app?user=root&password=root",
    ],
  },
  "nuget-config-password": {
    hit: [() => `<packageSourceCredentials>\n  <Acme>\n    <add key="Username" value="ci" />\n    <add key="ClearTextPassword" value="${rand(ALNUM, 20)}2" />\n  </Acme>\n</packageSourceCredentials>`],
    miss: [() => '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />'],
  },
  "maven-settings-password": {
    hit: [() => `<servers>\n  <server>\n    <id>acme</id>\n    <username>ci</username>\n    <password>${rand(ALNUM, 18)}4</password>\n  </server>\n</servers>`],
    miss: [() => "<server><id>acme</id><username>ci</username><password>${env.MAVEN_PASSWORD}</password></server>"],
  },
  "docker-config-auth": {
    hit: [() => `{\n  "auths": {\n    "registry.acme-corp.io": {\n      "auth": "${Buffer.from(`ci:${rand(ALNUM, 20)}5`).toString("base64")}"\n    }\n  }\n}`],
    miss: [() => `{ "auths": { "registry.acme-corp.io": { "auth": "${Buffer.from("user:password").toString("base64")}" } } }`],
  },
  "pypirc-password": {
    hit: [() => `[distutils]\nindex-servers = acme\n\n[acme]\nrepository = https://pypi.acme-corp.io/\nusername = ci\npassword = ${rand(ALNUM, 14)}5\n`],
    miss: [() => "[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n", () => "[server]\nport = 80\npassword = secret\n"],
  },
  "env-list-secret": {
    hit: [
      () => `        env:\n          - name: DB_${p("PASS", "WORD")}\n            value: "${rand(ALNUM, 22)}7"`,
      () => `variables:\n- name: deployApiKey\n  value: ${rand(LOWER, 6)}${rand("0123456789", 4)}${rand(ALNUM, 14)}`,
    ],
    miss: [
      () => `        env:\n          - name: DB_${p("PASS", "WORD")}\n            valueFrom:\n              secretKeyRef:\n                name: db\n                key: password`,
      () => `variables:\n- name: deployApiKey\n  value: $(DEPLOY_API_KEY)`,
      () => `        env:\n          - name: LOG_FORMAT\n            value: "${rand(ALNUM, 22)}7"`,
      () => `        env:\n          - name: API_TOKEN\n            value: "{{ .Values.apiToken }}"`,
    ],
  },
  "generic-secret-assignment": {
    hit: [
      () => `const apiKey = "${rand(LOWER, 6)}${rand("0123456789", 4)}${rand(ALNUM, 14)}";`,
      () => `DB_PASSWORD=${rand(ALNUM, 20)}9`,
      () => `client_secret: '${rand(ALNUM, 30)}7'`,
    ],
    miss: [
      () => 'password = "changeme"',
      () => "token: process.env.GITHUB_TOKEN",
      () => "secret: ${{ secrets.DEPLOY_KEY }}",
      () => 'apiKey = "<your-api-key>"',
      () => 'const tokenName = "session_token_name";',
      () => 'password = "xxxxxxxxxxxx"',
      () => `password = "${"ab".repeat(8)}"`,
      () => "token = options.token",
      () => 'TokenRequest.apiVersion="authentication.k8s.io/v1"',
      () => `tokenUrl: "auth.${rand(LOWER, 8)}9.io/oauth/v2"`,
      // Identifiers named after a secret: a key's id is shown in consoles and JWT headers.
      () => `{ "type": "authorized_user", "private_key_id": "${rand(HEX, 40)}" }`,
      () => `const tokenId = "${rand(HEX, 24)}";`,
      () => `API_KEY_ID=${rand(ALNUM, 20)}4`,
    ],
  },
};

/** Every content detector's cases: hand-written ones, and ones generated from documented formats. */
export const CASES: Record<string, Cases> = { ...generatedCases(DETECTORS), ...HAND_WRITTEN };

export const PATH_CASES: Record<string, { hit: readonly string[]; miss: readonly string[] }> = {
  "env-file": { hit: [".env", "apps/web/.env.local", "config/.env.production", "prod.env"], miss: [".env.example", ".env.sample", "src/env.ts", ".envrc.template", "docs/.env.template"] },
  "ssh-private-key-file": { hit: ["id_rsa", "home/.ssh/id_ed25519", "keys/id_ecdsa_sk"], miss: ["id_rsa.pub", "my_id_rsa_notes.md"] },
  "pem-file": { hit: ["certs/server.pem", "keys/deploy.ppk"], miss: ["pem.ts", "docs/pem-files.md"] },
  "pkcs12-file": { hit: ["signing/release.p12", "cert.PFX"], miss: ["p12.md"] },
  "terraform-state-file": { hit: ["terraform.tfstate", "infra/prod.tfstate", "infra/terraform.tfstate.backup"], miss: ["docs/tfstate.md", "infra/main.tf"] },
  "credentials-file": { hit: ["credentials.json", "config/.git-credentials", ".pgpass"], miss: ["credentials.ts", "docs/credentials.json.md"] },
};
