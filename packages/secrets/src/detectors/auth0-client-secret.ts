import { assignedSecret, run } from "../token-format.js";

/** Auth0 client secret. */
export default assignedSecret({
  id: "auth0-client-secret",
  name: "Auth0 client secret",
  source: "Auth0 Docs: Application credentials (client secret)",
  names: ["auth0"],
  value: [run("urlsafe", 64)],
  secretWords: ["secret"],
});
