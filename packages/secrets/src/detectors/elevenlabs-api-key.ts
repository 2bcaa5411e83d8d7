import { prefixedToken, run } from "../token-format.js";

/** ElevenLabs API key. */
export default prefixedToken({
  id: "elevenlabs-api-key",
  name: "ElevenLabs API key",
  source: "ElevenLabs API reference: Authentication",
  parts: ["sk_", run("hex", 48)],
});
