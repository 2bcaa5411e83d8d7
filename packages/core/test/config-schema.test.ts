import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderConfigJsonSchema } from "@warden/core";

describe("config.schema.json", () => {
  it("is the JSON Schema generated from the zod config schema (run scripts/dev/generate-config-schema.mjs after a change)", () => {
    const committed = readFileSync(new URL("../config.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(renderConfigJsonSchema());
  });

  it("describes the keys users write", () => {
    const schema = JSON.parse(renderConfigJsonSchema()) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["ignore", "rules", "overrides", "hooks", "secrets", "deploy"]));
    expect(schema.additionalProperties).toBe(false);
  });
});
