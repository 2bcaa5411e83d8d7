import { assignedSecret, run } from "../token-format.js";

/** Modal token secret. */
export default assignedSecret({
  id: "modal-token-secret",
  name: "Modal token secret",
  source: "Modal Docs: modal token (token id and token secret; MODAL_TOKEN_ID / MODAL_TOKEN_SECRET)",
  names: ["modal", "token_secret"],
  secretWords: ["secret"],
  value: ["as-", run("alnum", 16, 40)],
  note: "The token ID (`ak-…`) is not a secret; the secret's `as-` prefix is as Modal's integrations show it, its length is not documented, so it is reported only under a Modal or `token_secret` name (`~/.modal.toml`).",
});
