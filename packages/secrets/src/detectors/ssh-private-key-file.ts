import { definePathDetector } from "../define-detector.js";

/** SSH private key file. */
export default definePathDetector({
  id: "ssh-private-key-file",
  name: "SSH private key file",
  description: "An SSH private key file by its default name: `id_rsa`, `id_dsa`, `id_ecdsa`, `id_ed25519` (and the `_sk` variants); `.pub` files are fine.",
  source: "ssh-keygen(1) - OpenBSD manual pages (FILES)",
  severity: "error",
  matchPath: (path) => /(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(path),
});
