/**
 * Read-only checks of a found credential against its vendor's API: one request that any valid
 * credential may make and that changes nothing (who am I, list models, read the balance).
 */

/** What a vendor's answer says about a credential. */
export type Liveness = "live" | "revoked" | "unknown";

/** How to ask one vendor whether a credential works. */
export interface Verifier {
  /** Vendor name, as in `WARDEN_VERIFY_BASE_URL_<VENDOR>` (tests only) and in messages. */
  readonly vendor: string;
  /** The vendor's API origin. */
  readonly baseUrl: string;
  /** The request: a path under the base URL, method and headers (the credential goes in a header). */
  readonly request: (secret: string) => { readonly path: string; readonly method?: "GET" | "POST"; readonly headers: Record<string, string> };
  /** Judge the answer. */
  readonly judge: (status: number, body: string) => Liveness;
}

const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}`, "user-agent": "warden-verify" });

/** 2xx: live; 401: revoked (or never valid); anything else says nothing. */
function byStatus(status: number): Liveness {
  if (status >= 200 && status < 300) return "live";
  if (status === 401) return "revoked";
  return "unknown";
}

const github: Verifier = {
  vendor: "github",
  baseUrl: "https://api.github.com",
  // GET /user: "Get the authenticated user" — readable by every token type.
  request: (secret) => ({ path: "/user", headers: { ...bearer(secret), accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" } }),
  judge: byStatus,
};

const slack: Verifier = {
  vendor: "slack",
  baseUrl: "https://slack.com",
  // auth.test: "Checks authentication & identity"; it answers 200 with ok:false for bad tokens.
  request: (secret) => ({ path: "/api/auth.test", method: "POST", headers: bearer(secret) }),
  judge: (status, body) => {
    if (status !== 200) return "unknown";
    try {
      const answer = JSON.parse(body) as { ok?: unknown; error?: unknown };
      if (answer.ok === true) return "live";
      return typeof answer.error === "string" && /invalid_auth|token_revoked|account_inactive|not_authed|token_expired/.test(answer.error) ? "revoked" : "unknown";
    } catch {
      return "unknown";
    }
  },
};

const stripe: Verifier = {
  vendor: "stripe",
  baseUrl: "https://api.stripe.com",
  // GET /v1/balance: a restricted key without the balance permission answers 403 — still a working key.
  request: (secret) => ({ path: "/v1/balance", headers: bearer(secret) }),
  judge: (status) => (status === 403 ? "live" : byStatus(status)),
};

const openai: Verifier = {
  vendor: "openai",
  baseUrl: "https://api.openai.com",
  // GET /v1/models: list models, free and read-only.
  request: (secret) => ({ path: "/v1/models", headers: bearer(secret) }),
  judge: byStatus,
};

const gitlab: Verifier = {
  vendor: "gitlab",
  baseUrl: "https://gitlab.com",
  // GET /api/v4/personal_access_tokens/self: the token's own metadata.
  request: (secret) => ({ path: "/api/v4/personal_access_tokens/self", headers: { "private-token": secret, "user-agent": "warden-verify" } }),
  judge: byStatus,
};

const npm: Verifier = {
  vendor: "npm",
  baseUrl: "https://registry.npmjs.org",
  // GET /-/whoami: the user the token belongs to.
  request: (secret) => ({ path: "/-/whoami", headers: bearer(secret) }),
  judge: byStatus,
};

/** Detector id → its vendor's read-only check. */
export const VERIFIERS: Readonly<Record<string, Verifier>> = {
  "github-pat": github,
  "github-fine-grained-pat": github,
  "github-oauth-token": github,
  "github-user-to-server-token": github,
  "github-server-to-server-token": github,
  "slack-bot-token": slack,
  "slack-user-token": slack,
  "slack-legacy-bot-token": slack,
  "slack-legacy-token": slack,
  "stripe-secret-key": stripe,
  "stripe-restricted-key": stripe,
  "stripe-test-key": stripe,
  "openai-api-key": openai,
  "gitlab-pat": gitlab,
  "npm-access-token": npm,
};
