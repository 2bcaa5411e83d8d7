import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { isDockerfile, parseDockerfile, stagesOf } from "../../dockerfile.js";

const BUILD_STEP =
  /\b(?:(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?build|tsc\b|go\s+build|cargo\s+build|mvn\b|gradle\b|\.\/gradlew|dotnet\s+(?:build|publish)|make\b|cmake\b|gcc\b|g\+\+|javac\b|pip\s+wheel|python\S*\s+setup\.py)/;

export default defineRule({
  id: "docker/multi-stage",
  enforces: "Rule 11",
  description: "A Dockerfile that compiles or builds uses a multi-stage build, so compilers and sources stay out of the final image.",
  scope: "file",
  languages: ["*"],
  messages: {
    singleStage: {
      message: "The image builds in its only stage (\"{{step}}\"), so the toolchain ships in the final image.",
      hint: "Build in a `FROM … AS build` stage and `COPY --from=build` only the output into a slim final stage.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isDockerfile(ctx.file)) return;
    const stages = stagesOf(parseDockerfile(ctx.text));
    if (stages.length !== 1) return;
    for (const instruction of stages[0]?.instructions ?? []) {
      if (instruction.name !== "RUN") continue;
      const step = BUILD_STEP.exec(instruction.args);
      if (step !== null) {
        ctx.report({ messageId: "singleStage", data: { step: step[0] }, line: instruction.line, key: step[0] });
        return;
      }
    }
  },
});
