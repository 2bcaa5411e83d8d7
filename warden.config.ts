import { defineConfig } from "@warden/cli";

// Warden's own configuration: the repository guards itself with the defaults its users get.
export default defineConfig({
  ignore: ["**/test/fixtures/**", "**/dist/**"],
  rules: {
    "docs/exported-api-documented": ["error", { include: ["packages/*/src/**"] }],
  },
});
