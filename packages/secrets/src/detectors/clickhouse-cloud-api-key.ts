import { prefixedToken, run } from "../token-format.js";

/** ClickHouse Cloud API key secret. */
export default prefixedToken({
  id: "clickhouse-cloud-api-key",
  name: "ClickHouse Cloud API key secret",
  source: "ClickHouse Cloud: Managing API keys",
  parts: ["4b1d", run("alnum", 38)],
});
