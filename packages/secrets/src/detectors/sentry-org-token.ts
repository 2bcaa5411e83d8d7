import { alt, expandClass, prefixedToken, run } from "../token-format.js";

/** The JSON payload of an organization token: it names the issuing Sentry and the organization. */
function validPayload(secret: string): boolean {
  const payload = /^sntrys_([A-Za-z0-9+/]+={0,2})_/.exec(secret)?.[1];
  if (payload === undefined) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Record<string, unknown>;
    return typeof claims === "object" && claims !== null && "iat" in claims && ("org" in claims || "url" in claims);
  } catch {
    return false;
  }
}

/** Sentry organization auth token. */
export default prefixedToken({
  id: "sentry-org-token",
  name: "Sentry organization auth token",
  source: "Token and Credential Formats | Sentry Docs; Auth Tokens | Sentry Docs",
  parts: ["sntrys_eyJ", run("b64", 60, 400), alt([], ["="], ["=="]), "_", run("b64", 43)],
  note: "The base64 part must decode to the token's JSON claims (`iat` and `org` or `url`).",
  minEntropy: 4,
  validate: validPayload,
  build: (random) => {
    const chars = expandClass("b64");
    const pick = (n: number): string => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join("");
    const claims = { iat: 1_700_000_000 + Math.floor(random() * 1e7), url: "https://sentry.io", region_url: "https://us.sentry.io", org: `org${pick(6).replace(/[+/]/g, "x")}` };
    return `sntrys_${Buffer.from(JSON.stringify(claims)).toString("base64")}_${pick(43)}`;
  },
});
