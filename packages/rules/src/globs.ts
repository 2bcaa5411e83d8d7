import picomatch from "picomatch";

const cache = new Map<string, (file: string) => boolean>();

/** A cached matcher for a list of picomatch globs (dotfiles included). An empty list matches nothing. */
export function matcher(globs: readonly string[]): (file: string) => boolean {
  const key = globs.join("\u0000");
  let match = cache.get(key);
  if (match === undefined) {
    match = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
    cache.set(key, match);
  }
  return match;
}

/** Paths that are not library code: tests, scripts, binaries, examples, config files and hooks. */
export const NON_LIBRARY_GLOBS: readonly string[] = [
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  // Dunder test folders (`__e2e__`, `__a11y__`, `__mocks__`) and end-to-end suites.
  "**/__*__/**",
  "**/e2e/**",
  "**/*.{test,spec,bench}.*",
  "scripts/**",
  "**/scripts/**",
  // `script/` (singular) for build and maintenance scripts, at the root or at a package's top.
  "script/**",
  "*/script/**",
  "*/*/script/**",
  "**/bin/**",
  "examples/**",
  "**/examples/**",
  "**/*.config.*",
  ".husky/**",
  ".ci/**",
];
