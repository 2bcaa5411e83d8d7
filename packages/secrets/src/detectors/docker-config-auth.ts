import { defineDetector } from "../define-detector.js";
import { near, SAMPLE_PASSWORDS } from "./shared.js";

/** Docker config.json registry auth. */
export default defineDetector({
  id: "docker-config-auth",
  name: "Docker registry credential (config.json auth)",
  description: "An `\"auth\"` value under `\"auths\"` of a Docker `config.json` (or a `.dockerconfigjson` Secret): base64 of `user:password`, decoded and judged.",
  source: "docker login | Docker Docs (credential stores: config.json auths)",
  severity: "error",
  keywords: ["\"auth\""],
  pattern: /"auth"\s*:\s*"(?<secret>[A-Za-z0-9+/]{8,}={0,2})"/,
  window: { before: 20, after: 2000 },
  validate: (secret, context) => {
    if (!near(context.text, context.index, 2000, /"auths"/)) return false;
    const decoded = Buffer.from(secret, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
    const password = decoded.slice(colon + 1);
    return password.length >= 3 && !SAMPLE_PASSWORDS.has(password.toLowerCase());
  },
});
