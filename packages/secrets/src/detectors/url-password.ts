import { defineDetector } from "../define-detector.js";
import { plausibleUrlPassword } from "./shared.js";

/** URL with a password. */
export default defineDetector({
  id: "url-password",
  name: "URL with a password",
  description: "HTTP(S), FTP, SSH, SMTP, LDAP or git URL with an embedded `user:password@`.",
  source: "RFC 3986: Uniform Resource Identifier (URI): Generic Syntax (3.2.1 User Information)",
  severity: "error",
  keywords: ["://"],
  pattern: /(?<![A-Za-z0-9+.-])(?:https?|s?ftps?|ssh|smtps?|ldaps?|git|svn)(?:\+[a-z0-9]+)?:\/\/[^\s:@/"'<>]{1,64}:(?<secret>[^\s:@/"'<>]{3,128})@[A-Za-z0-9._-]+/,
  window: { before: 40, after: 300, needs: "@" },
  minEntropy: 1.5,
  // A vendor's URL format (Sidekiq's gem server, Cloudinary …) is reported by its own detector.
  fallback: true,
  validate: plausibleUrlPassword,
});
