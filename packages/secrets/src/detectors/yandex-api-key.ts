import { prefixedToken, run } from "../token-format.js";

/** Yandex Cloud API key. */
export default prefixedToken({
  id: "yandex-api-key",
  name: "Yandex Cloud API key",
  source: "Yandex Cloud Docs: API keys",
  parts: ["AQVN", run("urlsafe", 35, 38)],
});
