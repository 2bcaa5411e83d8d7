import { prefixedToken, run } from "../token-format.js";

/** Microsoft Entra ID (Azure AD) client secret. */
export default prefixedToken({
  id: "azure-ad-client-secret",
  name: "Microsoft Entra ID (Azure AD) client secret",
  source: "Microsoft identity platform: Add and manage application credentials (client secrets)",
  parts: [run("urlsafe", 3), run("digits", 1), "Q~", run("urlsafe", 31, 34)],
  keywords: ["q~"],
});
