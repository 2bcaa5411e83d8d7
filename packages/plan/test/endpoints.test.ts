import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { discoverEndpoints, hasParameters } from "../src/index.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/endpoints");

function listFiles(dir: string, base = ""): string[] {
  return readdirSync(path.join(dir, base)).flatMap((name) => {
    const rel = base === "" ? name : `${base}/${name}`;
    return statSync(path.join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/** The endpoints of one example app, as "METHOD path file:line". */
async function routesOf(app: string): Promise<string[]> {
  const dir = path.join(FIXTURES, app);
  const found = await discoverEndpoints(listFiles(dir).sort(), (file) => readFileSync(path.join(dir, file), "utf8"));
  return found.map((e) => `${e.method} ${e.path} ${e.file}:${e.line} ${e.framework}`);
}

describe("endpoint discovery", () => {
  it("Express: app and router routes, route chains, a router mounted from another file (CommonJS); no Map, client or setting reads", async () => {
    expect(await routesOf("express")).toEqual([
      "GET /api/users src/routes/users.ts:5 express",
      "DELETE /api/users/:id src/routes/users.ts:7 express",
      "GET /api/users/:id src/routes/users.ts:6 express",
      "GET /books src/server.ts:23 express",
      "PUT /books src/server.ts:24 express",
      "GET /health src/server.ts:12 express",
      "POST /orders src/server.ts:16 express",
    ]);
  });

  it("Fastify: shorthand routes, route() with several methods, plugins with prefixes (typed and inline)", async () => {
    expect(await routesOf("fastify")).toEqual([
      "GET /admin/stats src/app.ts:14 fastify",
      "POST /auth/login src/app.ts:21 fastify",
      "POST /items src/app.ts:10 fastify",
      "PUT /items src/app.ts:10 fastify",
      "GET /ping src/app.ts:5 fastify",
    ]);
  });

  it("Hono: basePath, sub-apps mounted with route(), on() with several methods, chained routes", async () => {
    expect(await routesOf("hono")).toEqual([
      "GET /api/books src/index.ts:6 hono",
      "POST /api/books src/index.ts:7 hono",
      "GET /api/books/:id src/index.ts:8 hono",
      "PATCH /api/settings src/index.ts:11 hono",
      "PUT /api/settings src/index.ts:11 hono",
      "GET /api/status src/index.ts:12 hono",
      "POST /api/status/reset src/index.ts:12 hono",
    ]);
  });

  it("Koa router: router prefix, named routes, nested routers; Koa's app is not a router", async () => {
    expect(await routesOf("koa")).toEqual([
      "GET /v1/posts/:pid/comments src/router.ts:14 koa",
      "GET /v1/users src/router.ts:8 koa",
      "POST /v1/users src/router.ts:11 koa",
    ]);
  });

  it("NestJS: controller prefixes (string and options) joined with method decorators from @nestjs/common only", async () => {
    expect(await routesOf("nestjs")).toEqual([
      "GET /health src/users/users.controller.ts:33 nestjs",
      "GET /users src/users/users.controller.ts:5 nestjs",
      "POST /users src/users/users.controller.ts:15 nestjs",
      "DELETE /users/:id src/users/users.controller.ts:20 nestjs",
      "GET /users/:id src/users/users.controller.ts:10 nestjs",
    ]);
  });

  it("Next.js: app router handlers (groups dropped, dynamic segments, re-exported handlers) and pages/api routes; not pages or stray route files", async () => {
    expect(await routesOf("next")).toEqual([
      "GET /about app/(marketing)/about/route.ts:1 next",
      "ALL /api/posts pages/api/posts/index.ts:3 next",
      "ALL /api/posts/:slug pages/api/posts/[slug].ts:1 next",
      "DELETE /api/users/:id app/api/users/[id]/route.ts:5 next",
      "GET /api/users/:id app/api/users/[id]/route.ts:1 next",
    ]);
  });

  it("node:http: paths compared with the request's url inside a createServer handler", async () => {
    expect(await routesOf("node-http")).toEqual(["ALL /healthz server.mjs:6 node-http", "ALL /version server.mjs:11 node-http"]);
  });

  it("leaves out tests, fixtures and build output, and tells parameterised paths apart", async () => {
    const text = 'import express from "express";\nconst app = express();\napp.get("/x", (q, s) => s.end());\n';
    const files = ["src/a.ts", "src/a.test.ts", "test/b.ts", "dist/c.js", "src/d.d.ts"];
    const found = await discoverEndpoints(files, () => text);
    expect(found.map((e) => e.file)).toEqual(["src/a.ts"]);
    expect(["/users/:id", "/files/:rest*", "/a/{b}", "/health"].map(hasParameters)).toEqual([true, true, true, false]);
  });
});
