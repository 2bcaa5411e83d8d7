import { prefixedToken, run } from "../token-format.js";

/** Microsoft Entra ID (Azure AD) client secret. */
export default prefixedToken({
  id: "azure-ad-client-secret",
  name: "Microsoft Entra ID (Azure AD) client secret",
  source: "Microsoft identity platform: Add and manage application credentials (client secrets)",
  // The body uses the URL-unreserved characters, `.` and `~` included.
  parts: [run("urlsafe", 3), run("digits", 1), "Q~", run("unreserved", 31, 34)],
  keywords: ["q~"],
});
