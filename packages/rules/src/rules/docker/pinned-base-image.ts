import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { isDockerfile, parseDockerfile, stagesOf } from "../../dockerfile.js";

export default defineRule({
  id: "docker/pinned-base-image",
  enforces: "Rule 11",
  description: "Every FROM names a pinned base image: a tag that is not `latest` (or, with `requireDigest`, an @sha256 digest).",
  scope: "file",
  languages: ["*"],
  messages: {
    untagged: {
      message: "Base image {{image}} has no tag, so it means :latest.",
      hint: "Pin a version tag (e.g. node:20.19-bookworm-slim), ideally with its digest (image:tag@sha256:…), so rebuilds are reproducible.",
    },
    latest: {
      message: "Base image {{image}} uses the moving tag :latest.",
      hint: "Pin a version tag (e.g. node:20.19-bookworm-slim), ideally with its digest (image:tag@sha256:…).",
    },
    noDigest: {
      message: "Base image {{image}} is not pinned by digest.",
      hint: "Append the digest: image:tag@sha256:… (`docker buildx imagetools inspect image:tag` prints it).",
    },
  },
  options: z.object({ requireDigest: z.boolean().default(false).describe("Require an @sha256 digest on every base image.") }).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isDockerfile(ctx.file)) return;
    const aliases = new Set<string>();
    for (const stage of stagesOf(parseDockerfile(ctx.text))) {
      const image = stage.image;
      const lower = image.toLowerCase();
      if (lower === "scratch" || aliases.has(lower) || image.includes("$")) {
        if (stage.alias !== undefined) aliases.add(stage.alias);
        continue;
      }
      if (stage.alias !== undefined) aliases.add(stage.alias);
      const digest = image.includes("@sha256:");
      const name = image.split("@")[0] ?? image;
      const tag = name.slice(name.lastIndexOf("/") + 1).includes(":") ? name.slice(name.lastIndexOf(":") + 1) : undefined;
      const position = { line: stage.from.line, key: image };
      if (!digest && tag === undefined) ctx.report({ messageId: "untagged", data: { image }, ...position });
      else if (tag === "latest" && !digest) ctx.report({ messageId: "latest", data: { image }, ...position });
      else if (ctx.options.requireDigest && !digest) ctx.report({ messageId: "noDigest", data: { image }, ...position });
    }
  },
});
