import { prefixedToken, run } from "../token-format.js";

/** Cloudinary URL with API secret. */
export default prefixedToken({
  id: "cloudinary-url",
  name: "Cloudinary URL with API secret",
  source: "Cloudinary Docs: Cloudinary URL (CLOUDINARY_URL)",
  parts: ["cloudinary://", run("digits", 15), ":", run("urlsafe", 27), "@", run("lowalnum", 3, 20)],
  keywords: ["cloudinary://"],
});
