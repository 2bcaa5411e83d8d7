import { prefixedToken, run } from "../token-format.js";

/** Portainer access token. */
export default prefixedToken({
  id: "portainer-access-token",
  name: "Portainer access token",
  source: "Portainer Docs: Access tokens",
  parts: ["ptr_", run("urlsafe", 43, 44)],
});
