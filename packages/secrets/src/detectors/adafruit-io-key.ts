import { prefixedToken, run } from "../token-format.js";

/** Adafruit IO key. */
export default prefixedToken({
  id: "adafruit-io-key",
  name: "Adafruit IO key",
  source: "Adafruit IO: API key (Your Adafruit IO Key)",
  parts: ["aio_", run("alnum", 28)],
});
