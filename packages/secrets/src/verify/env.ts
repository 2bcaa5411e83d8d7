/**
 * The environment `warden scan --verify` reads: `WARDEN_VERIFY_BASE_URL_<VENDOR>` only (tests
 * point a vendor at a stand-in on 127.0.0.1; verify.ts refuses any other address).
 */
export function verifyEnvironment(): Readonly<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) if (key.startsWith("WARDEN_VERIFY_BASE_URL_")) out[key] = value;
  return out;
}
