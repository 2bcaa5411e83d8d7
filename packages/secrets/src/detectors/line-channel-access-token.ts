import { alt, assignedSecret, run } from "../token-format.js";

/** LINE channel access token. */
export default assignedSecret({
  id: "line-channel-access-token",
  name: "LINE channel access token",
  source: "LINE Developers: Channel access token",
  names: ["line_channel", "linebot", "line_bot"],
  value: [run("b64", 150, 200), alt([], ["="])],
  minEntropy: 4.5,
});
