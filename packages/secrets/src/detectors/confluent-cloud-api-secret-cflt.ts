import { crc32 } from "../checksum.js";
import { generate, prefixedToken, run, type Part } from "../token-format.js";

const RANDOM: Part = run("b64", 54);

/** The documented checksum: CRC-32 of the 54 characters after `cflt`, base64 of its 4 bytes (little-endian), unpadded. */
function checksum(random: string): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(crc32(random));
  return bytes.toString("base64").slice(0, 6);
}

/** Confluent Cloud API secret (the `cflt` format). */
export default prefixedToken({
  id: "confluent-cloud-api-secret-cflt",
  name: "Confluent Cloud API secret",
  source: "Use API Keys to Authenticate to Confluent Cloud (API key format: API secret format)",
  parts: ["cflt", RANDOM, run("b64", 6)],
  note: "Secrets created since 30 July 2025; the last 6 characters are a base64 CRC-32 of the 54 before them and are verified (a mismatch is reported as a warning). Confluent's own example secret is not reported.",
  examples: ["cfltT8d8RzkNseTMEDKcjNM1BZTFPHqRn/dQm9q7w6SjzZ12wZfwjaJdipHZtDjw"],
  build: (random) => {
    const body = generate([RANDOM], random);
    return `cflt${body}${checksum(body)}`;
  },
  validate: (secret) => {
    if (checksum(secret.slice(4, 58)) === secret.slice(58)) return { note: "checksum valid" };
    return { severity: "warn", note: "checksum does not match: probably a made-up value" };
  },
});
