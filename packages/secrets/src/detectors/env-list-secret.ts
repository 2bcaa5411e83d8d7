import { defineDetector } from "../define-detector.js";
import { secretScore } from "./generic-secret-assignment.js";

/**
 * A secret-named entry of a YAML name/value list: the `env:` of a Kubernetes container, a Helm
 * chart's `extraEnv`, an Azure Pipelines `variables:` list, a CloudFormation or ECS environment.
 * The name stands on one line and its value on the next, where the line-bound generic detector
 * cannot see both; the candidate is scored exactly as the generic detector scores it.
 */
export default defineDetector({
  id: "env-list-secret",
  name: "Secret-named entry of a name/value list",
  description:
    "A literal value under `value:` whose `name:` on the line before is secret-sounding (`- name: DB_PASSWORD` / `value: …` in a Kubernetes container's `env`, Helm values, Azure Pipelines variables, ECS or CloudFormation environments), scored like the generic secret-assignment detector; `valueFrom` references, placeholders and variable references are not reported.",
  source: "Kubernetes Documentation: Define Environment Variables for a Container",
  severity: "error",
  keywords: ["value:", 'value":', "value':"],
  pattern:
    /(?<![A-Za-z0-9])["']?name["']?[ \t]*:[ \t]*["']?[A-Za-z_][A-Za-z0-9_.-]{0,80}["']?[ \t]*(?:,[ \t]*)?\r?\n[ \t]*(?:-[ \t]*)?["']?value["']?[ \t]*:[ \t]*(?:["'](?<secret>[^"'`\s\\]{8,200})["']|(?<bare>[^\s"'`,;#(){}[\]<>]{12,200})(?=[ \t]*(?:$|#)))/m,
  // The name is on the line before the keyword: a fixed span around it (no line search per hit).
  window: { before: 160, after: 220, multiline: true },
  minEntropy: 3,
  fallback: "last",
  validate: (secret, context) => secretScore(secret, context) >= 4,
});
