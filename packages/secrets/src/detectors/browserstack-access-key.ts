import { assignedSecret, run } from "../token-format.js";

/** BrowserStack access key. */
export default assignedSecret({
  id: "browserstack-access-key",
  name: "BrowserStack access key",
  source: "BrowserStack Docs: Set BrowserStack credentials (BROWSERSTACK_ACCESS_KEY)",
  names: ["browserstack"],
  value: [run("alnum", 20)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
