// Token formats for the evaluation set, written from the vendors' own documentation of their
// credentials (prefixes, lengths, alphabets, checksums). Each family builds fresh values at run
// time from a seeded random source; nothing here is a real credential.
import { createHash } from "node:crypto";

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export const HEX = "0123456789abcdef";
export const DIGITS = "0123456789";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const URLSAFE = `${ALNUM}_-`;
export const B64 = `${ALNUM}+/`;

/** A seeded pseudo-random source (mulberry32, shared with the scan benchmark's corpus): the same seed gives the same evaluation set. */
export { prng as seeded } from "../secrets/corpus.mjs";

export const pick = (r, items) => items[Math.floor(r() * items.length)];
export function chars(r, alphabet, min, max = min) {
  const n = min + Math.floor(r() * (max - min + 1));
  let out = "";
  for (let i = 0; i < n; i += 1) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
}
const bytes = (r, n) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
const uuid = (r) => `${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-4${chars(r, HEX, 3)}-${pick(r, ["8", "9", "a", "b"])}${chars(r, HEX, 3)}-${chars(r, HEX, 12)}`;

// CRC-32 (IEEE) and base62, for the checksummed token formats GitHub documented in 2021 (and npm uses).
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(text) {
  let crc = 0xffffffff;
  for (const ch of Buffer.from(text, "latin1")) crc = CRC[(crc ^ ch) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function base62(n, width) {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  while (n > 0) {
    out = digits[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}
/** 30 random base62 characters and their base62 CRC-32, 6 wide. */
export function checksummedBody(r) {
  const body = chars(r, ALNUM, 30);
  return body + base62(crc32(body), 6);
}

// Bech32 (BIP 173), for age secret keys (`AGE-SECRET-KEY-1…`, the age specification).
const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
function polymod(values) {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i += 1) if ((top >>> i) & 1) chk ^= gen[i];
  }
  return chk;
}
function bech32(hrp, data8) {
  const data = [];
  let acc = 0;
  let bits = 0;
  for (const b of data8) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const expand = [...[...hrp].map((c) => c.charCodeAt(0) >>> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expand, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((d) => BECH32[d]).join("")}`;
}

const b64 = (text) => Buffer.from(text).toString("base64");
const b64url = (text) => Buffer.from(text).toString("base64url");

/**
 * Families. `gen(r)` builds one value; `names` are variable names real code gives it; `bare`
 * says the value is recognisable on its own (a vendor prefix or checksum), so it is also placed
 * alone on a line; `bearer` says it is sent as `Authorization: Bearer`; `source` names the
 * vendor documentation the format comes from.
 */
export const FAMILIES = [
  { family: "slack-bot-token", source: "Slack: Token types", bare: true, bearer: true, names: ["SLACK_BOT_TOKEN", "SLACK_TOKEN"], gen: (r) => `xoxb-${chars(r, DIGITS, 10, 13)}-${chars(r, DIGITS, 12, 13)}-${chars(r, ALNUM, 24)}` },
  { family: "slack-legacy-bot-token", source: "Slack: Legacy bots", bare: true, bearer: true, names: ["SLACK_BOT_TOKEN", "SLACK_API_TOKEN"], gen: (r) => `xoxb-${chars(r, DIGITS, 11, 12)}-${chars(r, ALNUM, 24)}` },
  { family: "slack-user-token", source: "Slack: Token types", bare: true, bearer: true, names: ["SLACK_USER_TOKEN", "SLACK_OAUTH_TOKEN"], gen: (r) => `xoxp-${chars(r, DIGITS, 10, 12)}-${chars(r, DIGITS, 10, 12)}-${chars(r, DIGITS, 12, 13)}-${chars(r, HEX, 32)}` },
  { family: "slack-workspace-token", source: "Slack: Workspace apps tokens (xoxa/xoxr)", bare: true, bearer: true, names: ["SLACK_WORKSPACE_TOKEN", "SLACK_ACCESS_TOKEN"], gen: (r) => `${pick(r, ["xoxa-2", "xoxr-2"])}-${chars(r, DIGITS, 11, 12)}-${chars(r, DIGITS, 11, 12)}-${chars(r, DIGITS, 12, 13)}-${chars(r, HEX, 64)}` },
  { family: "slack-config-token", source: "Slack: App configuration tokens", bare: true, bearer: true, names: ["SLACK_CONFIG_TOKEN", "SLACK_APP_CONFIG_TOKEN"], gen: (r) => pick(r, [`xoxe.xoxp-1-${chars(r, UPPER_ALNUM, 163, 166)}`, `xoxe-1-${chars(r, UPPER_ALNUM, 146, 148)}`]) },
  { family: "slack-app-token", source: "Slack: App-level tokens", bare: true, bearer: true, names: ["SLACK_APP_TOKEN"], gen: (r) => `xapp-1-A${chars(r, UPPER_ALNUM, 10)}-${chars(r, DIGITS, 13)}-${chars(r, HEX, 64)}` },
  { family: "slack-webhook-url", source: "Slack: Sending messages using incoming webhooks", bare: true, names: ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK"], gen: (r) => `https://hooks.slack.com/services/T${chars(r, UPPER_ALNUM, 8, 10)}/B${chars(r, UPPER_ALNUM, 8, 10)}/${chars(r, ALNUM, 24)}` },
  {
    family: "sentry-org-token",
    source: "Sentry: Organization tokens",
    bare: true,
    bearer: true,
    names: ["SENTRY_AUTH_TOKEN"],
    gen: (r) => {
      const org = pick(r, ["acme", "widgets-inc", "northwind", "contoso-labs"]);
      const payload = b64(JSON.stringify({ iat: 1700000000 + Math.floor(r() * 5e7) + r(), url: "https://sentry.io", region_url: pick(r, ["https://us.sentry.io", "https://de.sentry.io"]), org }));
      return `sntrys_${payload}_${chars(r, B64, 43)}`;
    },
  },
  { family: "sentry-user-token", source: "Sentry: User auth tokens", bare: true, bearer: true, names: ["SENTRY_AUTH_TOKEN", "SENTRY_TOKEN"], gen: (r) => `sntryu_${chars(r, HEX, 64)}` },
  { family: "cloudflare-origin-ca-key", source: "Cloudflare: Origin CA keys", bare: true, names: ["CF_ORIGIN_CA_KEY", "CLOUDFLARE_ORIGIN_CA_KEY"], gen: (r) => `v1.0-${chars(r, HEX, 24)}-${chars(r, HEX, 146)}` },
  { family: "cloudflare-api-token", source: "Cloudflare: Create API token", bearer: true, names: ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN", "CLOUDFLARE_TOKEN"], gen: (r) => chars(r, URLSAFE, 40) },
  { family: "cloudflare-global-api-key", source: "Cloudflare: Get Global API key (legacy)", names: ["CLOUDFLARE_API_KEY", "CF_API_KEY"], gen: (r) => chars(r, HEX, 37) },
  { family: "age-secret-key", source: "age: file format specification (X25519 recipient)", bare: true, names: ["AGE_SECRET_KEY", "SOPS_AGE_KEY"], gen: (r) => bech32("age-secret-key-", bytes(r, 32)).toUpperCase() },
  {
    family: "aws-bedrock-api-key",
    source: "Amazon Bedrock: Generate API keys (long-term)",
    bare: true,
    bearer: true,
    names: ["AWS_BEARER_TOKEN_BEDROCK"],
    gen: (r) => `ABSK${b64(`BedrockAPIKey-${chars(r, LOWER_ALNUM, 4)}-at-${chars(r, DIGITS, 12)}:${chars(r, B64, 56)}`)}`,
  },
  {
    family: "aws-bedrock-short-term-api-key",
    source: "Amazon Bedrock: Generate API keys (short-term)",
    bare: true,
    bearer: true,
    names: ["AWS_BEARER_TOKEN_BEDROCK"],
    gen: (r) =>
      `bedrock-api-key-${b64(`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${chars(r, UPPER_ALNUM, 16)}%2F20250101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20250101T000000Z&X-Amz-Expires=43200&X-Amz-Security-Token=${chars(r, B64, 300)}&X-Amz-Signature=${chars(r, HEX, 64)}&X-Amz-SignedHeaders=host&Version=1`)}`,
  },
  { family: "perplexity-api-key", source: "Perplexity: API key management", bare: true, bearer: true, names: ["PERPLEXITY_API_KEY", "PPLX_API_KEY"], gen: (r) => `pplx-${chars(r, ALNUM, 48)}` },
  { family: "huggingface-org-token", source: "Hugging Face: User access tokens (organisation API tokens)", bare: true, bearer: true, names: ["HF_ORG_TOKEN", "HUGGINGFACE_TOKEN"], gen: (r) => `api_org_${chars(r, LETTERS, 34)}` },
  { family: "huggingface-token", source: "Hugging Face: User access tokens", bare: true, bearer: true, names: ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"], gen: (r) => `hf_${chars(r, LETTERS, 34)}` },
  { family: "sonarqube-token", source: "SonarQube: Managing your tokens", bare: true, names: ["SONAR_TOKEN", "SONARQUBE_TOKEN"], gen: (r) => `${pick(r, ["squ_", "sqp_", "sqa_"])}${chars(r, HEX, 40)}` },
  { family: "sonarcloud-token", source: "SonarQube Cloud: Managing tokens", names: ["SONAR_TOKEN", "SONARCLOUD_TOKEN", "sonar.login"], gen: (r) => chars(r, HEX, 40) },
  { family: "snyk-api-token", source: "Snyk: Authentication for API", names: ["SNYK_TOKEN", "SNYK_API_TOKEN"], gen: uuid },
  { family: "atlassian-api-token", source: "Atlassian: Manage API tokens for your Atlassian account", bare: true, names: ["ATLASSIAN_API_TOKEN", "JIRA_API_TOKEN", "CONFLUENCE_API_TOKEN"], gen: (r) => `ATATT3xFfGF0${chars(r, URLSAFE, 171)}=${chars(r, "0123456789ABCDEF", 8)}` },
  { family: "atlassian-api-token-legacy", source: "Atlassian: API tokens (before 2023)", names: ["JIRA_API_TOKEN", "ATLASSIAN_TOKEN", "CONFLUENCE_TOKEN"], gen: (r) => chars(r, ALNUM, 24) },
  { family: "azure-ad-client-secret", source: "Microsoft identity platform: Add a client secret", names: ["AZURE_CLIENT_SECRET", "ClientSecret", "AAD_CLIENT_SECRET"], gen: (r) => `${chars(r, URLSAFE, 3)}${chars(r, DIGITS, 1)}Q~${chars(r, `${ALNUM}_.~-`, 34)}` },
  { family: "clickhouse-cloud-api-key", source: "ClickHouse Cloud: Managing API keys", bare: true, names: ["CLICKHOUSE_KEY_SECRET", "CLICKHOUSE_API_SECRET"], gen: (r) => `4b1d${chars(r, ALNUM, 38)}` },
  { family: "maxmind-license-key", source: "MaxMind: License keys", bare: true, names: ["MAXMIND_LICENSE_KEY", "GEOIPUPDATE_LICENSE_KEY"], gen: (r) => `${chars(r, ALNUM, 6)}_${chars(r, ALNUM, 29)}_mmk` },
  { family: "maxmind-license-key-legacy", source: "MaxMind: License keys (16 characters, before 2024)", names: ["MAXMIND_LICENSE_KEY", "GEOIP_LICENSE_KEY"], gen: (r) => chars(r, ALNUM, 16) },
  { family: "sidekiq-credentials", source: "Sidekiq Pro/Enterprise: gem server credentials", names: ["BUNDLE_ENTERPRISE__CONTRIBSYS__COM", "BUNDLE_GEMS__CONTRIBSYS__COM"], contexts: ["env", "shell", "dockerfile", "yaml", "k8s_env", "markdown", "comment"], gen: (r) => `${chars(r, HEX, 8)}:${chars(r, HEX, 8)}` },
  { family: "sidekiq-url", source: "Sidekiq Pro/Enterprise: gem server URL", bare: true, names: ["SIDEKIQ_SOURCE", "source"], gen: (r) => `https://${chars(r, HEX, 8)}:${chars(r, HEX, 8)}@${pick(r, ["gems", "enterprise"])}.contribsys.com/` },
  { family: "messagebird-access-key", source: "MessageBird: Authentication (access keys)", names: ["MESSAGEBIRD_ACCESS_KEY", "MESSAGEBIRD_API_KEY", "MESSAGE_BIRD_KEY"], gen: (r) => chars(r, ALNUM, 25) },
  { family: "tailscale-key", source: "Tailscale: Auth keys / API access tokens", bare: true, bearer: true, names: ["TS_AUTHKEY", "TAILSCALE_AUTH_KEY", "TAILSCALE_API_KEY"], gen: (r) => `tskey-${pick(r, ["auth", "api", "client"])}-k${chars(r, ALNUM, 10)}CNTRL-${chars(r, ALNUM, 33)}` },
  { family: "sourcegraph-access-token", source: "Sourcegraph: Creating an access token", bare: true, names: ["SRC_ACCESS_TOKEN", "SOURCEGRAPH_TOKEN"], gen: (r) => pick(r, [`sgp_${chars(r, HEX, 16)}_${chars(r, HEX, 40)}`, `sgp_local_${chars(r, HEX, 40)}`, `sgp_${chars(r, HEX, 40)}`]) },
  // Other major vendors.
  { family: "github-pat", source: "GitHub: Behind GitHub's new authentication token formats", bare: true, bearer: true, names: ["GITHUB_TOKEN", "GH_TOKEN"], gen: (r) => `${pick(r, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])}${checksummedBody(r)}` },
  { family: "github-fine-grained-pat", source: "GitHub: fine-grained personal access tokens", bare: true, bearer: true, names: ["GITHUB_TOKEN", "GITHUB_PAT"], gen: (r) => `github_pat_11${chars(r, UPPER_ALNUM, 20)}_${chars(r, ALNUM, 59)}` },
  { family: "gitlab-pat", source: "GitLab: Token overview", bare: true, bearer: true, names: ["GITLAB_TOKEN", "CI_JOB_TOKEN_OVERRIDE", "GITLAB_PRIVATE_TOKEN"], gen: (r) => `glpat-${chars(r, URLSAFE, 20)}` },
  { family: "aws-access-key", source: "AWS IAM: Managing access keys", names: ["AWS_SECRET_ACCESS_KEY", "aws_secret_access_key"], gen: (r) => chars(r, B64, 40), pair: (r) => `AKIA${chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}` },
  { family: "aws-access-key-id", source: "AWS IAM: Managing access keys", bare: true, names: ["AWS_ACCESS_KEY_ID"], gen: (r) => `${pick(r, ["AKIA", "ASIA"])}${chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}` },
  { family: "stripe-secret-key", source: "Stripe: API keys", bare: true, bearer: true, names: ["STRIPE_SECRET_KEY", "STRIPE_API_KEY"], gen: (r) => `${pick(r, ["sk_live_", "rk_live_"])}${chars(r, ALNUM, 24, 99)}` },
  { family: "openai-api-key", source: "OpenAI: API keys", bare: true, bearer: true, names: ["OPENAI_API_KEY"], gen: (r) => pick(r, [`sk-proj-${chars(r, URLSAFE, 74)}T3BlbkFJ${chars(r, URLSAFE, 74)}`, `sk-${chars(r, ALNUM, 20)}T3BlbkFJ${chars(r, ALNUM, 20)}`]) },
  { family: "anthropic-api-key", source: "Anthropic: API keys", bare: true, names: ["ANTHROPIC_API_KEY"], gen: (r) => `sk-ant-api03-${chars(r, URLSAFE, 93)}AA` },
  { family: "google-api-key", source: "Google Cloud: API keys", bare: true, names: ["GOOGLE_API_KEY", "GEMINI_API_KEY"], gen: (r) => `AIza${chars(r, URLSAFE, 35)}` },
  { family: "sendgrid-api-key", source: "Twilio SendGrid: API keys", bare: true, bearer: true, names: ["SENDGRID_API_KEY"], gen: (r) => `SG.${chars(r, URLSAFE, 22)}.${chars(r, URLSAFE, 43)}` },
  { family: "npm-access-token", source: "npm Docs: About access tokens", bare: true, names: ["NPM_TOKEN", "NODE_AUTH_TOKEN"], gen: (r) => `npm_${checksummedBody(r)}` },
  { family: "pypi-token", source: "PyPI: API tokens", bare: true, names: ["PYPI_TOKEN", "TWINE_PASSWORD"], gen: (r) => `pypi-AgEIcHlwaS5vcmc${chars(r, URLSAFE, 150, 180)}` },
  { family: "shopify-access-token", source: "Shopify: Access tokens", bare: true, names: ["SHOPIFY_ACCESS_TOKEN"], gen: (r) => `${pick(r, ["shpat_", "shpca_", "shppa_"])}${chars(r, HEX, 32)}` },
  { family: "twilio-api-key", source: "Twilio: API keys", bare: true, names: ["TWILIO_API_KEY"], gen: (r) => `SK${chars(r, HEX, 32)}` },
  { family: "twilio-auth-token", source: "Twilio: Auth tokens", names: ["TWILIO_AUTH_TOKEN"], gen: (r) => chars(r, HEX, 32) },
  { family: "digitalocean-token", source: "DigitalOcean: personal access tokens", bare: true, bearer: true, names: ["DIGITALOCEAN_TOKEN", "DO_TOKEN"], gen: (r) => `dop_v1_${chars(r, HEX, 64)}` },
  { family: "hashicorp-vault-token", source: "Vault: Tokens", bare: true, names: ["VAULT_TOKEN"], gen: (r) => `hvs.${chars(r, URLSAFE, 90, 95)}` },
  { family: "databricks-token", source: "Databricks: personal access tokens", bare: true, bearer: true, names: ["DATABRICKS_TOKEN"], gen: (r) => `dapi${chars(r, HEX, 32)}` },
  { family: "linear-api-key", source: "Linear: API and webhooks", bare: true, names: ["LINEAR_API_KEY"], gen: (r) => `lin_api_${chars(r, ALNUM, 40)}` },
  { family: "postman-api-key", source: "Postman: Generate an API key", bare: true, names: ["POSTMAN_API_KEY"], gen: (r) => `PMAK-${chars(r, HEX, 24)}-${chars(r, HEX, 34)}` },
  { family: "grafana-service-account-token", source: "Grafana: Service accounts", bare: true, bearer: true, names: ["GRAFANA_TOKEN"], gen: (r) => `glsa_${chars(r, ALNUM, 32)}_${chars(r, HEX, 8)}` },
  { family: "doppler-token", source: "Doppler: Service tokens", bare: true, names: ["DOPPLER_TOKEN"], gen: (r) => `dp.st.${pick(r, ["prd", "dev"])}.${chars(r, ALNUM, 43)}` },
  { family: "groq-api-key", source: "GroqCloud: API keys", bare: true, bearer: true, names: ["GROQ_API_KEY"], gen: (r) => `gsk_${chars(r, ALNUM, 52)}` },
  { family: "datadog-api-key", source: "Datadog: API and application keys", names: ["DD_API_KEY", "DATADOG_API_KEY"], gen: (r) => chars(r, HEX, 32) },
  { family: "telegram-bot-token", source: "Telegram Bot API: Authorizing your bot", bare: true, names: ["TELEGRAM_BOT_TOKEN"], gen: (r) => `${chars(r, "123456789", 1)}${chars(r, DIGITS, 8, 9)}:AA${chars(r, URLSAFE, 33)}` },
  { family: "private-key", source: "RFC 7468: Textual encodings of PKIX structures", bare: true, names: ["PRIVATE_KEY"], block: true, gen: (r) => {
      const kind = pick(r, ["RSA ", "", "EC ", "OPENSSH "]);
      const body = Array.from({ length: 4 + Math.floor(r() * 10) }, () => chars(r, B64, 64));
      return `-----BEGIN ${kind}PRIVATE KEY-----\n${body.join("\n")}\n${chars(r, B64, 40)}==\n-----END ${kind}PRIVATE KEY-----`;
    } },
  // Generic shapes that only a name gives away.
  { family: "generic-api-key", source: "generic: an API key assigned to a secret-sounding name", names: ["API_KEY", "apiKey", "API_SECRET", "CLIENT_SECRET", "AUTH_TOKEN", "ACCESS_TOKEN", "SECRET_KEY", "PRIVATE_TOKEN", "APP_SECRET", "x-api-key", "api_token", "service_key"], gen: (r) => pick(r, [chars(r, HEX, 32), chars(r, ALNUM, 40), chars(r, URLSAFE, 24, 48), `${chars(r, B64, 42)}=`, chars(r, HEX, 40), chars(r, ALNUM, 32)]) },
  { family: "generic-secret-names", source: "generic: the many names code gives a secret", names: ["clientSecret", "client-secret", "apiToken", "access_key", "secretKey", "accessKeySecret", "encryptionKey", "bearer_token", "refresh_token", "webhook_secret", "signing_secret", "jwt_secret", "session_secret", "consumer_secret", "oauth_token", "auth_key", "app_key", "master_key", "SECRET", "TOKEN", "PRIVATE_KEY", "api-key", "license_key", "hmac_key", "credentials"], gen: (r) => pick(r, [chars(r, LOWER_ALNUM, 32), chars(r, HEX, 64), `${chars(r, ALNUM, 12)}-${chars(r, ALNUM, 12)}-${chars(r, ALNUM, 12)}`, `${chars(r, B64, 30)}/${chars(r, B64, 12)}==`, chars(r, `${ALNUM}!@#$%^*_-`, 28), `${chars(r, LOWER_ALNUM, 8)}.${chars(r, URLSAFE, 27)}`]) },
  { family: "generic-password", source: "generic: a password assigned to a password-sounding name", names: ["DB_PASSWORD", "password", "MYSQL_ROOT_PASSWORD", "SMTP_PASSWORD", "adminPassword", "REDIS_PASS", "passwd"], gen: (r) => `${chars(r, LETTERS, 3, 5)}${chars(r, "!#%&*+-.=?@^_~", 1)}${chars(r, DIGITS, 2, 3)}${chars(r, ALNUM, 4, 8)}${chars(r, "!#%*@_", 1)}${chars(r, ALNUM, 2, 4)}` },
];

/** A password as people pick them (letters, digits and a symbol). */
export const password = (r) => `${chars(r, LETTERS, 4, 6)}${chars(r, DIGITS, 2, 3)}${chars(r, "!#%*_-.", 1)}${chars(r, ALNUM, 4, 8)}`;
export { b64, b64url, uuid };
export const sha = (text) => createHash("sha256").update(text).digest("hex");
