import { prefixedToken, run } from "../token-format.js";

/** Heroku API key. */
export default prefixedToken({
  id: "heroku-hrku-api-key",
  name: "Heroku API key",
  source: "Heroku Dev Center: Heroku CLI Authentication (API tokens)",
  parts: ["HRKU-", run("urlsafe", 58, 62)],
  keywords: ["hrku-"],
});
