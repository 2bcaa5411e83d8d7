import { crc32 } from "../checksum.js";
import { generate, prefixedToken, run, type Part } from "../token-format.js";

const PREFIXES = ["packagist_ort_", "packagist_out_", "packagist_uut_"];
const RANDOM: Part = run("hex", 60);

/** The documented checksum: CRC-32 of prefix + random part, as 8 lower-case hex digits. */
function checksum(prefixAndRandom: string): string {
  return crc32(prefixAndRandom).toString(16).padStart(8, "0").slice(0, 8);
}

/** Private Packagist authentication token. */
export default prefixedToken({
  id: "packagist-token",
  name: "Private Packagist authentication token",
  source: "Private Packagist Docs: Composer Authentication (Token format; How to calculate the checksum)",
  parts: [PREFIXES, RANDOM, run("hex", 8)],
  note: "The last 8 hex digits are the CRC-32 of prefix and random part, and are verified: a mismatch is reported as a warning (probably a made-up value).",
  build: (random) => {
    const head = generate([PREFIXES, RANDOM], random);
    return head + checksum(head);
  },
  validate: (secret) => {
    const head = secret.slice(0, -8);
    if (checksum(head) === secret.slice(-8)) return { note: "checksum valid" };
    return { severity: "warn", note: "checksum does not match: probably a made-up value" };
  },
});
