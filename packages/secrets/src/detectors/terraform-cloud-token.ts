import { prefixedToken, run } from "../token-format.js";

/** HCP Terraform (Terraform Cloud) API token. */
export default prefixedToken({
  id: "terraform-cloud-token",
  name: "HCP Terraform (Terraform Cloud) API token",
  source: "HCP Terraform: API tokens",
  parts: [run("lowalnum", 14), ".atlasv1.", run("urlsafe", 60, 70)],
  keywords: [".atlasv1."],
});
