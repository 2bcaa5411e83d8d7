import { definePathDetector } from "../define-detector.js";

/** Terraform state file. */
export default definePathDetector({
  id: "terraform-state-file",
  name: "Terraform state file",
  description: "A Terraform state file (`terraform.tfstate`, `*.tfstate`, `*.tfstate.backup`): state holds every resource attribute in plain text, sensitive ones (passwords, keys) included.",
  source: "State: Sensitive Data | Terraform | HashiCorp Developer",
  severity: "error",
  matchPath: (path) => /(?:^|\/)[^/]*\.tfstate(?:\.backup)?$/.test(path),
});
