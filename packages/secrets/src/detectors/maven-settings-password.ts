import { defineDetector } from "../define-detector.js";
import { commonPassword, SAMPLE_PASSWORDS } from "./shared.js";

/** Maven settings.xml / Gradle server password. */
export default defineDetector({
  id: "maven-settings-password",
  name: "Maven settings.xml server password",
  description: "A `<password>` (or `<passphrase>`) of a `<server>` in Maven's settings.xml or a POM; `${env.X}` references are not reported, and a Maven-encrypted `{…}` password is a warning.",
  source: "Maven – Settings Reference (servers); Maven – Password Encryption",
  severity: "error",
  keywords: ["<password>", "<passphrase>"],
  pattern: /<(?:password|passphrase)>\s*(?<secret>[^<\s][^<]{2,500}?)\s*<\/(?:password|passphrase)>/,
  window: { before: 20, after: 540 },
  minEntropy: 1.5,
  validate: (secret) => {
    if (SAMPLE_PASSWORDS.has(secret.toLowerCase()) || commonPassword(secret)) return false;
    // Prose (`<password>…</password>` in docs, an ellipsis read as bytes): credentials are printable ASCII.
    if (/[^\x21-\x7e]/.test(secret)) return false;
    if (/^\{[A-Za-z0-9+/=]+\}$/.test(secret)) return { severity: "warn", note: "Maven-encrypted with the master password: move the credential out of the repository" };
    return true;
  },
});
