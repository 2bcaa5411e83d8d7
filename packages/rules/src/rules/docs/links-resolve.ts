import path from "node:path";
import { z } from "zod";
import { join } from "../../doc-sites.js";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { docSiteFinder, type Site } from "../../doc-sites.js";
import { headingAnchors, markdownLinks } from "../../markdown.js";

/** What a route or an extensionless link may name: the file itself, a markdown page, or a folder's index page. */
const PAGE_SUFFIXES = ["", ".md", ".mdx", "/index.md", "/index.mdx", "/README.md", "/readme.md"];
/** Route files of the JS site generators (Next.js pages and app router, Astro pages). */
const ROUTE_SUFFIXES = [".tsx", ".jsx", ".ts", ".js", ".astro", "/index.tsx", "/index.jsx", "/index.astro", "/page.tsx", "/page.jsx", "/page.mdx", "/page.md", "/page.js"];


export default defineRule({
  id: "docs/links-resolve",
  enforces: "Rule 15",
  description:
    "Relative links in markdown resolve to existing files (or pages, extensionless), site routes (`/guide/x`) to pages of the docs site they belong to, and `#anchors` to existing headings.",
  scope: "repo",
  messages: {
    missingFile: {
      message: "Link target {{target}} does not exist.",
      hint: "Fix the path (it is relative to this file's folder) or restore the file it points to.",
    },
    missingRoute: {
      message: "Link target {{target}} matches no page of the {{kind}} site in {{site}}.",
      hint: "Fix the route (it is looked up under the site's pages and assets) or restore the page it points to.",
    },
    missingAnchor: {
      message: "Link anchor #{{anchor}} matches no heading in {{file}}.",
      hint: "Use the anchor the heading gets (GitHub: lowercase, spaces → '-', punctuation dropped; or an explicit `{#id}`) or fix the heading.",
    },
  },
  options: z
    .object({
      ignore: z.array(z.string()).default(["**/node_modules/**"]).describe("Globs of markdown files not checked."),
      sites: z
        .array(
          z
            .object({
              root: z.string().describe("Folder of the docs site, relative to the repository root."),
              content: z.array(z.string()).default([""]).describe("Folders (relative to root) whose files are the site's routes."),
              assets: z.array(z.string()).default(["public"]).describe("Folders (relative to root) served as they are."),
              base: z.string().default("").describe("Path prefix of every route (a site served under /docs/)."),
            })
            .strict(),
        )
        .default([])
        .describe("Docs sites not found by their generator's config file (VitePress, Docusaurus, Astro and Next.js are found by themselves)."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    const ignored = matcher(ctx.options.ignore);
    const existsCache = new Map<string, Promise<boolean>>();
    const exists = (file: string): Promise<boolean> => {
      let known = existsCache.get(file);
      if (known === undefined) {
        known = file === "" ? Promise.resolve(true) : ctx.exists(file);
        existsCache.set(file, known);
      }
      return known;
    };
    const firstExisting = async (candidates: readonly string[]): Promise<string | undefined> => {
      for (const candidate of candidates) if (await exists(candidate)) return candidate;
      return undefined;
    };

    const configured: Site[] = ctx.options.sites.map((s) => ({ root: s.root.replace(/^\.?\/+|\/+$/g, ""), kind: "configured", content: s.content, assets: s.assets, base: s.base.replace(/^\/+|\/+$/g, "") }));
    const siteOf = docSiteFinder(exists, configured);

    // What only a listing of the site tells: front-matter `slug:`/`id:` routes and dated blog posts
    // (Docusaurus), folders with a dynamic route (`[slug].md`, `[...path].astro`), versioned docs
    // folders and every page path; built once per site, and only when a link needs it.
    interface SiteIndex {
      readonly routes: Set<string>;
      readonly dynamic: Set<string>;
      readonly versions: string[];
      readonly pages: string[];
    }
    const indexes = new Map<string, Promise<SiteIndex>>();
    const siteIndex = (site: Site): Promise<SiteIndex> => {
      let index = indexes.get(site.root);
      if (index === undefined) {
        index = (async () => {
          const routes = new Set<string>();
          const dynamic = new Set<string>();
          const versions = new Set<string>();
          const pages: string[] = [];
          const prefix = site.root === "" ? "" : `${site.root}/`;
          for (const file of await ctx.listFiles()) {
            if (!file.startsWith(prefix) || file.includes("node_modules/")) continue;
            const inSite = file.slice(prefix.length);
            const folder = path.posix.dirname(inSite) === "." ? "" : path.posix.dirname(inSite);
            const base = path.posix.basename(inSite);
            const version = /^versioned_docs\/(version-[^/]+)\//.exec(inSite);
            if (version !== null) versions.add(`versioned_docs/${version[1] ?? ""}`);
            if (/^\[[^\]]+\]\.[a-z]+$/i.test(base)) dynamic.add(folder);
            const dynamicFolder = /^(.*?)\/?\[[^\]/]+\]\//.exec(inSite);
            if (dynamicFolder !== null) dynamic.add(dynamicFolder[1] ?? "");
            if (!/\.mdx?$/i.test(base)) continue;
            pages.push(inSite.replace(/\.mdx?$/i, "").replace(/\/(?:index|readme)$/i, "").toLowerCase());
            const top = inSite.split("/")[0] ?? "";
            const dated = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.mdx?$/.exec(base);
            if (dated !== null) routes.add(join(folder, dated[1] ?? "", dated[2] ?? "", dated[3] ?? "", dated[4] ?? ""));
            const text = await ctx.readText(file);
            const front = text === undefined ? null : /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
            if (front === null) continue;
            const field = (name: string): string | undefined => new RegExp(`^${name}:\\s*['"]?([^'"\\n]+?)['"]?\\s*$`, "m").exec(front[1] ?? "")?.[1];
            const slug = field("slug");
            const id = field("id");
            if (slug !== undefined) routes.add(slug.startsWith("/") ? join(top, slug) : join(folder, slug));
            if (id !== undefined) routes.add(join(folder, id));
          }
          return { routes: new Set([...routes].map((r) => r.replace(/\/+$/, "").toLowerCase())), dynamic, versions: [...versions], pages };
        })();
        indexes.set(site.root, index);
      }
      return index;
    };
    /** The pages of a site index as a set, and every folder holding one (built once per site). */
    const setsOf = new WeakMap<SiteIndex, { pages: Set<string>; folders: Set<string> }>();
    const pageSets = (index: SiteIndex): { pages: Set<string>; folders: Set<string> } => {
      let sets = setsOf.get(index);
      if (sets === undefined) {
        const folders = new Set<string>();
        for (const page of index.pages) {
          // Only the first few levels: a locale folder sits near the top of a content folder.
          const parts = page.split("/");
          for (let depth = 1; depth < Math.min(parts.length, 6); depth += 1) folders.add(parts.slice(0, depth).join("/"));
        }
        sets = { pages: new Set(index.pages), folders };
        setsOf.set(index, sets);
      }
      return sets;
    };
    /** Whether a route the files do not name is served all the same: a slug, a dynamic route, a versioned page. */
    const servedBySite = async (site: Site, route: string): Promise<boolean> => {
      const index = await siteIndex(site);
      const lower = route.toLowerCase();
      if (index.routes.has(lower)) return true;
      for (let dir = path.posix.dirname(route); ; dir = path.posix.dirname(dir)) {
        const here = dir === "." ? "" : dir;
        if (site.content.some((c) => index.dynamic.has(join(c, here)))) return true;
        if (here === "") break;
      }
      const parts = lower.split("/");
      // Astro (Starlight) and Docusaurus serve a page not yet translated from the default locale:
      // /<locale>/x is the page x when <locale> is a translation folder of the site (VitePress does not).
      if ((site.kind === "Astro" || site.kind === "Docusaurus") && parts.length >= 2 && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(parts[0] ?? "")) {
        const sets = pageSets(index);
        const locale = parts[0] ?? "";
        const rest = parts.slice(1).join("/");
        const translated = site.content.some((c) => sets.folders.has(join(c, locale))) || sets.folders.has(join("i18n", locale));
        if (translated && site.content.some((c) => sets.pages.has(join(c, rest)) || index.routes.has(join(c, rest)))) return true;
      }
      // Docusaurus versions: /docs/<version label>/x is a page of versioned_docs/version-*/x.
      if (parts.length >= 2 && index.versions.length > 0) {
        const rest = parts.slice(2).join("/");
        for (const version of index.versions) {
          if (rest === "" || index.pages.includes(join(version.toLowerCase(), rest)) || index.routes.has(join(version.toLowerCase(), rest))) return true;
          if ([...index.routes].some((r) => r.startsWith(`${version.toLowerCase()}/`) && r.endsWith(`/${rest}`))) return true;
        }
      }
      return false;
    };
    /** Whether an extensionless relative link of a site page names a page by its route (sites resolve them against the page's URL, which a slug can move). */
    const namesSitePage = async (site: Site, link: string): Promise<boolean> => {
      const tail = link.replace(/^(?:\.\.?\/)+/, "").replace(/\/+$/, "").toLowerCase();
      if (tail === "" || /\.[a-z0-9]+$/i.test(tail)) return false;
      const index = await siteIndex(site);
      const matches = (r: string): boolean => r === tail || r.endsWith(`/${tail}`);
      return index.pages.some(matches) || [...index.routes].some(matches);
    };

    // Docs rendered by a site this repository does not hold (svelte.dev renders SvelteKit's
    // documentation/docs, Docusaurus renders jest's docs/ from website/) link pages by their slug:
    // the file name without its ordering prefix (`20-hooks.md` is `hooks`) or its front-matter `id:`.
    // Pages by slug, per docs tree (the first two folders of a path), built once per tree.
    const slugIndexes = new Map<string, Promise<Map<string, string>>>();
    /** Docs trees whose page files carry an ordering prefix (`20-hooks.md`): a site strips it to route them. */
    const numberedTrees = new Set<string>();
    /** Trees with a link that resolved only by slug: their site routes pages by slug. */
    const slugTrees = new Set<string>();
    /** Findings in a numbered tree, held until every link is read: dropped if the tree turns out to be routed by slug. */
    const held = new Map<string, (() => void)[]>();
    const treeOf = (file: string): string => {
      const parts = file.split("/");
      return parts.slice(0, Math.min(2, parts.length - 1)).join("/");
    };
    const slugIndex = (tree: string): Promise<Map<string, string>> => {
      let index = slugIndexes.get(tree);
      if (index === undefined) {
        index = (async () => {
          const bySlug = new Map<string, string>();
          const prefix = tree === "" ? "" : `${tree}/`;
          for (const page of await ctx.listFiles()) {
            if (!page.startsWith(prefix) || !/\.mdx?$/i.test(page) || page.includes("node_modules/")) continue;
            if (/^\d+-/.test(path.posix.basename(page))) numberedTrees.add(tree);
            const slug = path.posix.basename(page).replace(/\.mdx?$/i, "").replace(/^\d+-/, "").toLowerCase();
            if (!bySlug.has(slug)) bySlug.set(slug, page);
            const text = await ctx.readText(page);
            const id = text === undefined ? undefined : /^---\r?\n(?:[\s\S]*?\n)?id:\s*['"]?([^'"\n]+?)['"]?\s*\r?\n[\s\S]*?---/.exec(text)?.[1];
            if (id !== undefined && !bySlug.has(id.toLowerCase())) bySlug.set(id.toLowerCase(), page);
          }
          return bySlug;
        })();
        slugIndexes.set(tree, index);
      }
      return index;
    };

    const anchorsOf = new Map<string, Promise<Set<string> | undefined>>();
    const anchors = (file: string): Promise<Set<string> | undefined> => {
      let known = anchorsOf.get(file);
      if (known === undefined) {
        known = ctx.readText(file).then((text) => (text === undefined ? undefined : headingAnchors(text)));
        anchorsOf.set(file, known);
      }
      return known;
    };

    for (const file of ctx.files) {
      if (!/\.mdx?$/i.test(file) || ignored(file)) continue;
      const text = await ctx.readText(file);
      if (text === undefined) continue;
      for (const link of markdownLinks(text)) {
        const target = link.target;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//") || target.startsWith("{") || target.includes("{{")) continue;
        const hashAt = target.indexOf("#");
        const rawPath = hashAt < 0 ? target : target.slice(0, hashAt);
        let anchor = hashAt < 0 ? undefined : target.slice(hashAt + 1);
        let pathPart: string;
        try {
          pathPart = decodeURIComponent(rawPath.split("?")[0] ?? "");
          if (anchor !== undefined) anchor = decodeURIComponent(anchor);
        } catch {
          pathPart = rawPath;
        }
        const position = { file, line: link.line, column: link.column };
        let page: string | undefined;
        if (pathPart === "") page = file;
        else if (pathPart.startsWith("/")) {
          // A site route: looked up in the site this file belongs to; outside any site it is a
          // path from the repository root when that exists (GitHub resolves it so) and otherwise
          // not ours to judge.
          const route = pathPart.replace(/^\/+|\/+$/g, "").replace(/\.html$/, "");
          const site = await siteOf(file);
          if (site === undefined) {
            page = await firstExisting(PAGE_SUFFIXES.map((s) => route + s));
            if (page === undefined) continue;
          } else {
            if (site.base !== "" && route !== site.base && !route.startsWith(`${site.base}/`)) continue;
            const inSite = site.base === "" ? route : route.slice(site.base.length + 1);
            const candidates = [
              ...site.content.flatMap((dir) => [...PAGE_SUFFIXES, ...ROUTE_SUFFIXES].map((s) => join(site.root, dir, inSite) + s)),
              ...site.assets.map((dir) => join(site.root, dir, inSite)),
            ].filter((c) => !c.endsWith("/"));
            page = await firstExisting(candidates);
            if (page === undefined) {
              // A route whose first segment is no folder or page of the site is served by something
              // this rule cannot see (a plugin, a redirect, another app): left alone.
              const top = inSite.split("/")[0] ?? "";
              const known = await firstExisting(site.content.flatMap((dir) => PAGE_SUFFIXES.map((s) => join(site.root, dir, top) + s)));
              if (inSite === "" || known === undefined) continue;
              if (await servedBySite(site, inSite)) continue;
              ctx.report({ messageId: "missingRoute", data: { target, kind: site.kind, site: site.root === "" ? "the repository root" : `${site.root}/` }, ...position, key: target });
              continue;
            }
          }
        } else {
          const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
          if (resolved.startsWith("..")) continue; // outside the repository: not ours to check
          const clean = resolved.replace(/\/$/, "");
          page = await firstExisting(PAGE_SUFFIXES.map((s) => clean + s).concat(/\.html$/.test(clean) ? [clean.replace(/\.html$/, ".md")] : []));
          if (page === undefined) {
            const site = /^[^.]*$/.test(path.posix.basename(clean)) ? await siteOf(file) : undefined;
            if (site !== undefined && (await namesSitePage(site, pathPart))) continue;
            // A bare slug (`hooks`, `./routing`) naming a page of the same docs tree by slug.
            const slug = pathPart.replace(/^\.\//, "").replace(/\/$/, "");
            const tree = treeOf(file);
            const bySlug = site === undefined && /^[\w-]+$/.test(slug) ? (await slugIndex(tree)).get(slug.toLowerCase()) : undefined;
            if (bySlug === undefined) {
              const report = (): void => ctx.report({ messageId: "missingFile", data: { target }, ...position, key: target });
              // In a numbered tree routed by slug, an extensionless link may name a page the site generates (SvelteKit's `$app-navigation` reference).
              if (site === undefined && /^[^.]*$/.test(path.posix.basename(clean)) && (await slugIndex(tree), numberedTrees.has(tree))) held.set(tree, [...(held.get(tree) ?? []), report]);
              else report();
              continue;
            }
            slugTrees.add(tree);
            page = bySlug;
          }
        }
        if (anchor === undefined || anchor === "" || !/\.mdx?$/i.test(page)) continue;
        const known = await anchors(page);
        if (known !== undefined && !known.has(anchor.toLowerCase())) {
          const report = (): void => ctx.report({ messageId: "missingAnchor", data: { anchor, file: page }, ...position, key: target });
          // A site that routes a numbered tree by slug makes its own anchors (svelte.dev: `#Options-envPrefix`).
          const tree = treeOf(file);
          if ((await siteOf(file)) === undefined && (await slugIndex(tree), numberedTrees.has(tree))) held.set(tree, [...(held.get(tree) ?? []), report]);
          else report();
        }
      }
    }
    for (const [tree, reports] of held) if (!slugTrees.has(tree)) for (const report of reports) report();
  },
});
