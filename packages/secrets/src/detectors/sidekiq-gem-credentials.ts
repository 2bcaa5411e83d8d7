import { prefixedToken, run } from "../token-format.js";

/** Sidekiq Pro/Enterprise gem server credentials. */
export default prefixedToken({
  id: "sidekiq-gem-credentials",
  name: "Sidekiq Pro/Enterprise gem server credentials",
  source: "Sidekiq Pro / Enterprise: Installation (gems.contribsys.com credentials)",
  parts: [["BUNDLE_ENTERPRISE__CONTRIBSYS__COM=", "BUNDLE_GEMS__CONTRIBSYS__COM="], run("hex", 8), ":", run("hex", 8)],
  keywords: ["contribsys__com"],
});
