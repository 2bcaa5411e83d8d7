import path from "node:path";

/** A documentation site: where its routes (`/guide/x`) are looked up. */
export interface Site {
  /** Repository-relative folder of the site ("" for the repository root). */
  readonly root: string;
  readonly kind: string;
  /** Folders whose files are routes (`<dir>/<route>.md`, `<dir>/<route>/index.md`…). */
  readonly content: readonly string[];
  /** Folders served as they are (`/logo.svg` → `<dir>/logo.svg`). */
  readonly assets: readonly string[];
  /** A path prefix every route starts with (a site served under `/docs/`). */
  readonly base: string;
}

const CONFIG_EXTENSIONS = ["ts", "mts", "js", "mjs", "cjs", "cts"];
/** How each generator is recognised in a folder, and where its routes and assets live. */
const GENERATORS: readonly { kind: string; configs: readonly string[]; content: readonly string[]; assets: readonly string[] }[] = [
  { kind: "VitePress", configs: [".vitepress/config", ".vitepress/config/index"], content: [""], assets: ["public"] },
  { kind: "Docusaurus", configs: ["docusaurus.config"], content: ["", "src/pages"], assets: ["static"] },
  { kind: "Astro", configs: ["astro.config"], content: ["src/content/docs", "src/pages"], assets: ["public"] },
  { kind: "Next.js", configs: ["next.config"], content: ["pages", "src/pages", "app", "src/app"], assets: ["public"] },
];
/** Join repository-relative path parts, skipping empty ones ("" is the repository root). */
export const join = (...parts: string[]): string => path.posix.join(...parts.filter((p) => p !== "")).replace(/^\.\/?/, "");

/**
 * A finder of the docs site a file belongs to: the nearest folder above it with a VitePress,
 * Docusaurus, Astro or Next.js config, or one of `configured`. Each folder is probed once
 * (a few `exists` calls), so the cost grows with the folders holding the files asked about.
 */
export function docSiteFinder(exists: (file: string) => Promise<boolean>, configured: readonly Site[] = []): (file: string) => Promise<Site | undefined> {
  const siteAt = new Map<string, Promise<Site | undefined>>();
  const detect = (dir: string): Promise<Site | undefined> => {
    let found = siteAt.get(dir);
    if (found === undefined) {
      found = (async () => {
        const own = configured.find((s) => s.root === dir);
        if (own !== undefined) return own;
        for (const generator of GENERATORS) {
          for (const config of generator.configs) {
            for (const ext of CONFIG_EXTENSIONS) {
              if (await exists(join(dir, `${config}.${ext}`))) return { root: dir, kind: generator.kind, content: generator.content, assets: generator.assets, base: "" };
            }
          }
        }
        return undefined;
      })();
      siteAt.set(dir, found);
    }
    return found;
  };
  return async (file) => {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      const here = dir === "." ? "" : dir;
      const site = await detect(here);
      if (site !== undefined) return site;
      if (here === "") return undefined;
    }
  };
}
