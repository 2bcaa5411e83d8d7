import { prefixedToken, run } from "../token-format.js";

/** OpenShift OAuth access token. */
export default prefixedToken({
  id: "openshift-oauth-token",
  name: "OpenShift OAuth access token",
  source: "OpenShift Container Platform: Understanding authentication (OAuth access tokens)",
  parts: ["sha256~", run("urlsafe", 43)],
});
