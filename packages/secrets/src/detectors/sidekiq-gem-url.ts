import { prefixedToken, run } from "../token-format.js";

/** Sidekiq Pro/Enterprise gem server URL with credentials. */
export default prefixedToken({
  id: "sidekiq-gem-url",
  name: "Sidekiq Pro/Enterprise gem server URL with credentials",
  source: "Sidekiq Pro / Enterprise: Installation (gems.contribsys.com credentials)",
  parts: ["https://", run("hex", 8), ":", run("hex", 8), "@", ["gems", "enterprise"], ".contribsys.com"],
  keywords: [".contribsys.com"],
});
