import { prefixedToken, run } from "../token-format.js";

/** Yandex Cloud IAM token. */
export default prefixedToken({
  id: "yandex-iam-token",
  name: "Yandex Cloud IAM token",
  source: "Yandex Cloud Docs: IAM tokens",
  parts: ["t1.", run("urlsafe", 80, 200), ".", run("urlsafe", 86)],
  minEntropy: 4,
});
