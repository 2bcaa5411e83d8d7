import { readFileSync } from "node:fs";

declare const __WARDEN_VERSION__: string | undefined;

/** The version of the CLI: injected at bundle time, read from package.json when run from source. */
export const VERSION: string =
  typeof __WARDEN_VERSION__ === "string"
    ? __WARDEN_VERSION__
    : (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
