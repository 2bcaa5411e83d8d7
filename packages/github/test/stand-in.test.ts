// The GitHub stand-in of test/utils refuses what GitHub's OpenAPI description does not allow:
// otherwise the tests that use it would prove nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn } from "@warden/test-utils";

let server: GitHubStandIn;

beforeAll(async () => {
  server = await startGitHubStandIn();
});
afterAll(() => server.close());
afterEach(() => server.reset());

async function call(method: string, path: string, body?: unknown, token = "write-token"): Promise<{ status: number; headers: Headers; json: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === "" ? undefined : (JSON.parse(text) as unknown) };
}

describe("the GitHub stand-in", () => {
  it("records an unknown operation and an invalid body as violations", async () => {
    expect((await call("POST", "/repos/acme/widgets/check-runz", { name: "x" })).status).toBe(404);
    expect((await call("POST", "/repos/acme/widgets/check-runs", { name: "x", head_sha: "a".repeat(40), status: "sleeping" })).status).toBe(422);
    expect((await call("POST", "/repos/acme/widgets/check-runs", { head_sha: "a".repeat(40) })).status).toBe(422);
    expect((await call("GET", "/repos/acme/widgets/deployments?colour=red")).status).toBe(422);
    expect(server.violations).toEqual([
      "POST /repos/acme/widgets/check-runz: no such operation in GitHub's REST API",
      expect.stringMatching(/^POST \/repos\/\{owner\}\/\{repo\}\/check-runs \(checks\/create\): body/) as unknown,
      expect.stringMatching(/^POST \/repos\/\{owner\}\/\{repo\}\/check-runs \(checks\/create\): body.*name/) as unknown,
      "GET /repos/{owner}/{repo}/deployments (repos/list-deployments): unknown query parameter colour",
    ]);
  });

  it("answers as GitHub does: 401, 403 for a read-only token, 422 over the limits, rate-limit headers", async () => {
    const run = { name: "warden check", head_sha: "a".repeat(40) };
    expect((await call("POST", "/repos/acme/widgets/check-runs", run, "nope")).status).toBe(401);
    expect(await call("POST", "/repos/acme/widgets/check-runs", run, "read-token")).toMatchObject({ status: 403, json: { message: "Resource not accessible by integration" } });
    const annotations = Array.from({ length: 51 }, (_, i) => ({ path: "a.ts", start_line: i + 1, end_line: i + 1, annotation_level: "warning", message: "m" }));
    expect((await call("POST", "/repos/acme/widgets/check-runs", { ...run, output: { title: "t", summary: "s", annotations } })).status).toBe(422);
    expect((await call("POST", "/repos/acme/widgets/check-runs", { ...run, output: { title: "t", summary: "é".repeat(32_768) } })).status).toBe(422);
    expect((await call("POST", "/repos/acme/widgets/issues/1/comments", { body: "x".repeat(65_537) })).status).toBe(422);
    const ok = await call("POST", "/repos/acme/widgets/check-runs", run);
    expect(ok.status).toBe(201);
    expect(Number(ok.headers.get("x-ratelimit-remaining"))).toBeLessThan(5000);
    expect(ok.headers.get("x-ratelimit-limit")).toBe("5000");
    // the published description itself caps annotations at 50 per request
    expect(server.violations).toEqual(["POST /repos/{owner}/{repo}/check-runs (checks/create): body body/output/annotations must NOT have more than 50 items"]);
  });
});
