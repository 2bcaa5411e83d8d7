// V8's compile cache for the CommonJS modules Warden loads (the TypeScript compiler above all) on
// Node < 22.1, built from the v8-compile-cache package's own store and hook. Its default set-up
// rewrites the whole cache file (several MB) at the exit of every run, because V8 hands back a
// fresh code cache even when the stored one was used; this store keeps a stored blob whose V8
// header (V8 version, source and flag hashes) matches the new one, so a run that changed nothing
// writes nothing.
import { rmSync, statSync } from "node:fs";
import module from "node:module";
import path from "node:path";

// Magic number, V8 version hash, source hash and flag hash: what V8 checks before it accepts a cache.
const HEADER_BYTES = 16;
// The store keys entries by module path and never evicts: every Warden install or checkout that
// runs adds its own. Past this size it is dropped and rebuilt by the next runs (reading a large
// blob at every start costs more than compiling).
const MAX_BLOB_BYTES = 24 * 1024 * 1024;

/** Drop the store when it outgrew its bound. */
function trim(dir) {
  const blob = path.join(dir, "warden.BLOB");
  if ((statSync(blob, { throwIfNoEntry: false })?.size ?? 0) <= MAX_BLOB_BYTES) return;
  for (const file of [blob, path.join(dir, "warden.MAP")]) rmSync(file, { force: true });
}

/** Install the cache (no-op when DISABLE_V8_COMPILE_CACHE is set or V8 cannot produce cached data). */
export function installCompileCache() {
  if (process.env.DISABLE_V8_COMPILE_CACHE !== undefined) return;
  // Load the package with its own auto-install switched off, then install with our store.
  process.env.DISABLE_V8_COMPILE_CACHE = "1";
  let api;
  try {
    api = module.createRequire(import.meta.url)("v8-compile-cache").__TEST__;
  } finally {
    delete process.env.DISABLE_V8_COMPILE_CACHE;
  }
  if (!api.supportsCachedData()) return;
  trim(api.getCacheDir());
  const store = new api.FileSystemBlobStore(api.getCacheDir(), "warden");
  const sameHeader = (a, b) => a.length >= HEADER_BYTES && b.length >= HEADER_BYTES && a.subarray(0, HEADER_BYTES).equals(b.subarray(0, HEADER_BYTES));
  const keeping = {
    get: (key, invalidationKey) => store.get(key, invalidationKey),
    set: (key, invalidationKey, buffer) => {
      const stored = store.get(key, invalidationKey);
      if (stored === undefined || !sameHeader(stored, buffer)) store.set(key, invalidationKey, buffer);
    },
    delete: (key) => store.delete(key),
  };
  const cache = new api.NativeCompileCache();
  cache.setCacheStore(keeping);
  cache.install();
  process.once("exit", () => {
    if (store.isDirty()) store.save();
    cache.uninstall();
  });
}
