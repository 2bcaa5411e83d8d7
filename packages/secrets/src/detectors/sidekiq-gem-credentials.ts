import { assignedSecret, run } from "../token-format.js";

/** Sidekiq Pro/Enterprise gem server credentials. */
export default assignedSecret({
  id: "sidekiq-gem-credentials",
  name: "Sidekiq Pro/Enterprise gem server credentials",
  source: "Sidekiq Pro / Enterprise: Installation (gems.contribsys.com credentials)",
  // Bundler's variable for the gem server (`BUNDLE_ENTERPRISE__CONTRIBSYS__COM`,
  // `BUNDLE_GEMS__CONTRIBSYS__COM`), in whatever file sets it: .env, shell, Dockerfile, CI YAML.
  names: ["contribsys__com"],
  secretWords: ["contribsys"],
  value: [run("hex", 8), ":", run("hex", 8)],
  // 16 hex digits around a colon measure less than longer keys.
  minEntropy: 2.5,
});
