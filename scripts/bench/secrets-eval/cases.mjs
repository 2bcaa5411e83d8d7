// The evaluation set: every family of formats.mjs in every context real files put credentials
// in, the context detectors' shapes (URLs, connection strings, command lines, manifests, registry
// configs), and look-alikes a careful scanner must leave alone. Built at run time from a seed.
import { ALNUM, B64, DIGITS, FAMILIES, HEX, LETTERS, LOWER_ALNUM, UPPER_ALNUM, URLSAFE, b64, chars, checksummedBody, password, pick, seeded, sha, uuid } from "./formats.mjs";

const words = (name) => name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
// Environment variable names with a double underscore (Bundler's `BUNDLE_GEMS__CONTRIBSYS__COM`) are only ever written as they are.
const keep = (f) => (name) => (name.includes("__") ? name : f(name));
const camel = keep((name) => words(name).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join(""));
const pascal = keep((name) => words(name).map((w) => w[0].toUpperCase() + w.slice(1)).join(""));
const snake = keep((name) => words(name).join("_"));
const upper = keep((name) => snake(name).toUpperCase());
const HOSTS = ["api.acme-corp.io", "api.northwind.dev", "internal.contoso.net", "svc.widgets.cloud"];

/**
 * Contexts for a named value: each returns the file path, its text, and the 1-based line the
 * value is on. `bare` contexts put the value alone; the rest assign it to `name`.
 */
export const CONTEXTS = {
  bare: (r, name, v) => ({ path: pick(r, ["leak.txt", "notes/tokens.txt", "output.log"]), lines: [v] }),
  go: (r, name, v) =>
    pick(r, [
      { path: "internal/config/config.go", lines: ["package config", "", `const ${camel(name)} = "${v}"`] },
      { path: "cmd/server/main.go", lines: ["package main", "", "func main() {", `\t${camel(name)} := "${v}"`, `\t_ = ${camel(name)}`, "}"], at: 4 },
      { path: "pkg/client/client.go", lines: ["package client", "", "var defaults = Options{", `\t${pascal(name)}: "${v}",`, "}"], at: 4 },
    ]),
  python: (r, name, v) =>
    pick(r, [
      { path: "app/settings.py", lines: ["import os", "", `${upper(name)} = "${v}"`] },
      { path: "scripts/sync.py", lines: ["def main():", `    ${snake(name)} = '${v}'`, `    run(${snake(name)})`], at: 2 },
      { path: "app/client.py", lines: ["from vendor import Client", "", `client = Client(${snake(name)}="${v}")`] },
    ]),
  javascript: (r, name, v) =>
    pick(r, [
      { path: "src/config.js", lines: ["'use strict';", "", `const ${camel(name)} = '${v}';`, "module.exports = { " + camel(name) + " };"], at: 3 },
      { path: "src/api.ts", lines: ["export const config = {", `  ${camel(name)}: "${v}",`, "};"], at: 2 },
      { path: "lib/index.mjs", lines: [`process.env.${upper(name)} = \`${v}\`;`] },
    ]),
  java: (r, name, v) => ({ path: "src/main/java/com/acme/Config.java", lines: ["package com.acme;", "", "public final class Config {", `    private static final String ${upper(name)} = "${v}";`, "}"], at: 4 }),
  csharp: (r, name, v) =>
    pick(r, [
      { path: "src/Acme/Settings.cs", lines: ["namespace Acme;", "", "public static class Settings", "{", `    public const string ${pascal(name)} = "${v}";`, "}"], at: 5 },
      { path: "src/Acme/Program.cs", lines: [`var ${camel(name)} = "${v}";`] },
    ]),
  ruby: (r, name, v) =>
    pick(r, [
      { path: "config/initializers/vendor.rb", lines: [`${upper(name)} = '${v}'`] },
      { path: "config/initializers/client.rb", lines: ["Vendor.configure do |config|", `  config.${snake(name)} = "${v}"`, "end"], at: 2 },
    ]),
  php: (r, name, v) =>
    pick(r, [
      { path: "config/services.php", lines: ["<?php", "", "return [", `    '${snake(name)}' => '${v}',`, "];"], at: 4 },
      { path: "wp-config.php", lines: ["<?php", `define('${upper(name)}', '${v}');`], at: 2 },
      { path: "src/Client.php", lines: ["<?php", `$${camel(name)} = "${v}";`], at: 2 },
    ]),
  rust: (r, name, v) => ({ path: "src/main.rs", lines: [`const ${upper(name)}: &str = "${v}";`, "", "fn main() {}"], at: 1 }),
  yaml: (r, name, v) =>
    pick(r, [
      { path: "config/application.yml", lines: ["service:", `  ${snake(name)}: ${v}`], at: 2 },
      { path: "config/settings.yaml", lines: ["vendor:", "  enabled: true", `  ${camel(name)}: "${v}"`], at: 3 },
      { path: ".github/workflows/deploy.yml", lines: ["jobs:", "  deploy:", "    env:", `      ${upper(name)}: ${v}`], at: 4 },
    ]),
  json: (r, name, v) =>
    pick(r, [
      { path: "config/default.json", lines: ["{", `  "${camel(name)}": "${v}",`, '  "timeout": 30', "}"], at: 2 },
      { path: "appsettings.json", lines: ["{", '  "Vendor": {', `    "${pascal(name)}": "${v}"`, "  }", "}"], at: 3 },
    ]),
  toml: (r, name, v) => ({ path: "config.toml", lines: ["[vendor]", `${snake(name)} = "${v}"`], at: 2 }),
  env: (r, name, v) => ({ path: pick(r, [".env", ".env.production", "config/app.env"]), lines: ["NODE_ENV=production", `${upper(name)}=${pick(r, [v, `"${v}"`])}`], at: 2 }),
  xml: (r, name, v) =>
    pick(r, [
      { path: "App.config", lines: ["<configuration>", "  <appSettings>", `    <add key="${pascal(name)}" value="${v}" />`, "  </appSettings>", "</configuration>"], at: 3 },
      { path: "src/main/resources/config.xml", lines: ["<config>", `  <${camel(name)}>${v}</${camel(name)}>`, "</config>"], at: 2 },
    ]),
  shell: (r, name, v) => ({ path: pick(r, ["deploy.sh", "scripts/setup.sh"]), lines: ["#!/usr/bin/env bash", "set -euo pipefail", `export ${upper(name)}="${v}"`], at: 3 }),
  dockerfile: (r, name, v) => ({ path: "Dockerfile", lines: ["FROM node:20-alpine", pick(r, [`ENV ${upper(name)}=${v}`, `ENV ${upper(name)} ${v}`, `ARG ${upper(name)}=${v}`]), "CMD [\"node\", \"server.js\"]"], at: 2 }),
  k8s_env: (r, name, v) => ({ path: "deploy/deployment.yaml", lines: ["      containers:", "        - name: app", "          env:", `            - name: ${upper(name)}`, `              value: "${v}"`], at: 5 }),
  terraform: (r, name, v) => ({ path: "main.tf", lines: ['provider "vendor" {', `  ${snake(name)} = "${v}"`, "}"], at: 2 }),
  markdown: (r, name, v) => ({ path: pick(r, ["README.md", "docs/setup.md"]), lines: ["## Setup", "", "```sh", `export ${upper(name)}=${v}`, "```"], at: 4 }),
  comment: (r, name, v) =>
    pick(r, [
      { path: "src/client.js", lines: [`// ${upper(name)}: ${v}`, "export function client() {}"], at: 1 },
      { path: "app/tasks.py", lines: [`# ${snake(name)} = "${v}"`, "def task(): pass"], at: 1 },
    ]),
};

/** Contexts that carry a bearer token in an HTTP header. */
export const HEADER_CONTEXTS = {
  curl_header: (r, v) => ({ path: "scripts/call.sh", lines: [`curl -sS -H "Authorization: Bearer ${v}" https://${pick(r, HOSTS)}/v1/me`] }),
  wget_header: (r, v) => ({ path: "scripts/fetch.sh", lines: [`wget --header="Authorization: Bearer ${v}" https://${pick(r, HOSTS)}/export`] }),
  httpie: (r, v) => ({ path: "docs/api.md", lines: ["```", `http GET https://${pick(r, HOSTS)}/v2/items "Authorization:Bearer ${v}"`, "```"], at: 2 }),
  code_header: (r, v) =>
    pick(r, [
      { path: "app/api.py", lines: [`headers = {"Authorization": "Bearer ${v}"}`] },
      { path: "src/fetch.js", lines: [`fetch(url, { headers: { Authorization: 'Bearer ${v}' } });`] },
      { path: "requests.http", lines: [`GET https://${pick(r, HOSTS)}/v1/items`, `Authorization: Bearer ${v}`], at: 2 },
    ]),
};

const pw = (r) => password(r);
const user = (r) => pick(r, ["app", "deploy", "svc_orders", "admin_ro", "ci-bot", "jenkins"]);
const dbHost = (r) => pick(r, ["db.internal", "10.0.3.12", "orders-db.c9akciq32.eu-west-1.rds.amazonaws.com", "mongo0.prod.acme.net", "cache.prod.acme.net"]);

/** Context families: the value is a password or token that only its surroundings give away. */
export const CONTEXT_FAMILIES = [
  {
    family: "url-password",
    variants: [
      (r, p) => ({ path: ".env", lines: [`DATABASE_URL=postgres://${user(r)}:${p}@${dbHost(r)}:5432/orders`] }),
      (r, p) => ({ path: "config/database.yml", lines: ["production:", `  url: "mysql://${user(r)}:${p}@${dbHost(r)}:3306/shop"`], at: 2 }),
      (r, p) => ({ path: "app/db.py", lines: [`MONGO_URI = "mongodb+srv://${user(r)}:${p}@cluster0.ab1cd.mongodb.net/?retryWrites=true"`] }),
      (r, p) => ({ path: "src/cache.ts", lines: [`const redis = new Redis("redis://:${p}@${dbHost(r)}:6379/0");`] }),
      (r, p) => ({ path: "docker-compose.yml", lines: ["services:", "  worker:", "    environment:", `      - BROKER_URL=amqp://${user(r)}:${p}@rabbitmq:5672/vhost`], at: 4 }),
      (r, p) => ({ path: "config.go", lines: [`var dsn = "postgresql://${user(r)}:${p}@${dbHost(r)}/app?sslmode=require"`] }),
      (r, p) => ({ path: "scripts/mirror.sh", lines: [`git clone https://${user(r)}:${p}@git.acme-corp.io/platform/infra.git`] }),
      (r, p) => ({ path: "settings.py", lines: [`CELERY_BROKER_URL = "rediss://default:${p}@${dbHost(r)}:6380/1"`] }),
    ],
    gen: pw,
  },
  {
    family: "jdbc-password",
    variants: [
      (r, p) => ({ path: "src/main/resources/application.properties", lines: [`spring.datasource.url=jdbc:postgresql://${dbHost(r)}:5432/app?user=${user(r)}&password=${p}`] }),
      (r, p) => ({ path: "db.properties", lines: [`url=jdbc:mysql://${dbHost(r)}:3306/shop?user=${user(r)}&password=${p}&useSSL=true`] }),
      (r, p) => ({ path: "Config.java", lines: [`String url = "jdbc:sqlserver://${dbHost(r)}:1433;databaseName=orders;user=${user(r)};password=${p};encrypt=true";`] }),
      (r, p) => ({ path: "src/main/resources/application.yml", lines: ["spring:", "  datasource:", `    url: jdbc:postgresql://${dbHost(r)}:5432/app`, `    username: ${user(r)}`, `    password: ${p}`], at: 5 }),
    ],
    gen: pw,
  },
  {
    family: "connection-string-password",
    variants: [
      (r, p) => ({ path: "appsettings.json", lines: ["{", '  "ConnectionStrings": {', `    "Default": "Server=tcp:acme.database.windows.net,1433;Initial Catalog=orders;User ID=${user(r)};Password=${p};Encrypt=True;"`, "  }", "}"], at: 3 }),
      (r, p) => ({ path: "Web.config", lines: ["<connectionStrings>", `  <add name="Db" connectionString="Data Source=${dbHost(r)};Initial Catalog=shop;User Id=${user(r)};Pwd=${p};" providerName="System.Data.SqlClient" />`, "</connectionStrings>"], at: 2 }),
      (r, p) => ({ path: "src/Db.cs", lines: [`var cs = "Host=${dbHost(r)};Port=5432;Database=app;Username=${user(r)};Password=${p}";`] }),
      (r) => ({ path: "config/storage.env", lines: [`AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=${chars(r, B64, 86)}==;EndpointSuffix=core.windows.net`] }),
    ],
    gen: pw,
  },
  {
    family: "curl-credentials",
    variants: [
      (r, p) => ({ path: "scripts/upload.sh", lines: [`curl -u ${user(r)}:${p} -T build.zip https://${pick(r, HOSTS)}/artifacts/`] }),
      (r, p) => ({ path: "Makefile", lines: ["publish:", `\tcurl --user ${user(r)}:${p} --upload-file dist.tgz https://${pick(r, HOSTS)}/repo/`], at: 2 }),
      (r, p) => ({ path: "scripts/get.sh", lines: [`wget --user=${user(r)} --password=${p} https://${pick(r, HOSTS)}/backup.tar.gz`] }),
      (r, p) => ({ path: "docs/api.md", lines: ["```", `http -a ${user(r)}:${p} POST https://${pick(r, HOSTS)}/v1/deploy`, "```"], at: 2 }),
      (r, p) => ({ path: "scripts/status.sh", lines: [`curl -H "Authorization: Basic ${b64(`${user(r)}:${p}`)}" https://${pick(r, HOSTS)}/status`] }),
      (r) => ({ path: "ci/notify.sh", lines: [`curl -X POST -H 'X-API-Key: ${chars(r, ALNUM, 40)}' https://${pick(r, HOSTS)}/hooks`] }),
      (r, p) => ({ path: "scripts/deploy.sh", lines: [`curl -fsS -u "${user(r)}:${p}" https://${pick(r, HOSTS)}/api/deploy`] }),
      (r) => ({ path: ".gitlab-ci.yml", lines: ["release:", "  script:", `    - curl --header "PRIVATE-TOKEN: ${chars(r, URLSAFE, 26)}" https://${pick(r, HOSTS)}/api/v4/projects`], at: 3 }),
      (r) => ({ path: "scripts/token.sh", lines: [`curl --oauth2-bearer ${chars(r, ALNUM, 40)} https://${pick(r, HOSTS)}/v1/me`] }),
      (r, p) => ({ path: "scripts/pull.sh", lines: [`wget --http-user=${user(r)} --http-password='${p}' https://${pick(r, HOSTS)}/dump.sql.gz`] }),
      (r, p) => ({ path: "docs/cli.md", lines: ["```console", `$ http --auth ${user(r)}:${p} GET https://${pick(r, HOSTS)}/v1/me`, "```"], at: 2 }),
    ],
    gen: pw,
  },
  {
    family: "authorization-header",
    variants: [
      (r, p) => ({ path: "requests.http", lines: [`POST https://${pick(r, HOSTS)}/v1/orders`, `Authorization: Basic ${b64(`${user(r)}:${p}`)}`], at: 2 }),
      (r) => ({ path: "docs/usage.md", lines: ["```http", "GET /v1/items HTTP/1.1", `Authorization: Bearer ${chars(r, URLSAFE, 40, 64)}`, "```"], at: 3 }),
      (r) => ({ path: "src/client.go", lines: [`req.Header.Set("Authorization", "Bearer ${chars(r, ALNUM, 48)}")`] }),
      (r) => ({ path: "src/client.js", lines: [`axios.defaults.headers.common["Authorization"] = "Token ${chars(r, HEX, 40)}";`] }),
      (r) => ({ path: "app/client.py", lines: [`session.headers.update({"X-Api-Key": "${chars(r, ALNUM, 32)}"})`] }),
    ],
    gen: pw,
  },
  {
    family: "kubernetes-secret",
    variants: [
      (r, p) => ({ path: "deploy/secret.yaml", lines: ["apiVersion: v1", "kind: Secret", "metadata:", "  name: db-credentials", "type: Opaque", "data:", `  username: ${b64(user(r))}`, `  password: ${b64(p)}`], at: 8 }),
      (r) => ({ path: "k8s/api-secret.yml", lines: ["apiVersion: v1", "kind: Secret", "metadata:", "  name: api", "data:", `  api-key: ${b64(chars(r, ALNUM, 40))}`], at: 6 }),
      (r, p) => ({ path: "k8s/string-secret.yaml", lines: ["apiVersion: v1", "kind: Secret", "metadata:", "  name: smtp", "stringData:", `  SMTP_PASSWORD: "${p}"`], at: 6 }),
      (r) => ({ path: "charts/app/templates/tls.yaml", lines: ["kind: Secret", "apiVersion: v1", "metadata:", "  name: token", "data:", `  token: ${b64(`${chars(r, HEX, 8)}.${chars(r, HEX, 16)}`)}`], at: 6 }),
    ],
    gen: pw,
  },
  {
    family: "registry-config",
    variants: [
      (r, p) => ({ path: "NuGet.Config", lines: ["<configuration>", "  <packageSourceCredentials>", "    <AcmeFeed>", `      <add key="Username" value="${user(r)}" />`, `      <add key="ClearTextPassword" value="${p}" />`, "    </AcmeFeed>", "  </packageSourceCredentials>", "</configuration>"], at: 5 }),
      (r) => ({ path: ".npmrc", lines: ["@acme:registry=https://npm.acme-corp.io/", `//npm.acme-corp.io/:_authToken=${uuid(r)}`], at: 2 }),
      (r, p) => ({ path: ".npmrc", lines: ["registry=https://nexus.acme-corp.io/repository/npm/", `_auth=${b64(`${user(r)}:${p}`)}`, "always-auth=true"], at: 2 }),
      (r, p) => ({ path: ".pypirc", lines: ["[distutils]", "index-servers = private", "", "[private]", "repository = https://pypi.acme-corp.io/", `username = ${user(r)}`, `password = ${p}`], at: 7 }),
      (r, p) => ({ path: ".m2/settings.xml", lines: ["<settings>", "  <servers>", "    <server>", "      <id>nexus</id>", `      <username>${user(r)}</username>`, `      <password>${p}</password>`, "    </server>", "  </servers>", "</settings>"], at: 6 }),
      (r, p) => ({ path: ".docker/config.json", lines: ["{", '  "auths": {', '    "registry.acme-corp.io": {', `      "auth": "${b64(`${user(r)}:${p}`)}"`, "    }", "  }", "}"], at: 4 }),
      (r, p) => ({ path: ".git-credentials", lines: [`https://${user(r)}:${p}@git.acme-corp.io`] }),
      (r, p) => ({ path: "gradle.properties", lines: ["org.gradle.jvmargs=-Xmx2g", `mavenPassword=${p}`], at: 2 }),
      (r, p) => ({ path: "terraform.tfvars", lines: [`db_password = "${p}"`] }),
      (r, p) => ({ path: "values.yaml", lines: ["postgresql:", "  auth:", `    password: "${p}"`], at: 3 }),
      (r) => ({ path: "notebooks/explore.ipynb", lines: ["{", ' "cells": [', "  {", '   "cell_type": "code",', `   "source": ["api_key = \\"${chars(r, ALNUM, 40)}\\"\\n"]`, "  }", " ]", "}"], at: 5 }),
    ],
    gen: pw,
  },
];

/** Look-alikes: each is one file that must produce no finding. */
export function negatives(r) {
  const out = [];
  const add = (kind, path, lines) => out.push({ family: kind, context: path.split("/").pop(), path, lines });
  const placeholders = ["<your-key>", "<YOUR_API_KEY>", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "********", "changeme", "your_api_key_here", "YOUR_TOKEN_HERE", "REPLACE_ME", "<token>", "TODO", "dummy", "placeholder", "insert-your-key-here", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "xoxb-your-bot-token", "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AKIAXXXXXXXXXXXXXXXX", "sntryu_0000000000000000000000000000000000000000000000000000000000000000", "hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "glpat-XXXXXXXXXXXXXXXXXXXX", "123456789012345678901234567890ab", "abcdefghijklmnopqrstuvwxyz123456", "test-api-key", "fake_secret_for_tests"];
  const refs = ["$API_KEY", "${API_KEY}", "${{ secrets.API_KEY }}", "%API_KEY%", "{{ .Values.apiKey }}", "{{ api_key }}", "${env:API_KEY}", "$(API_KEY)", "#{apiKey}", "${API_KEY:-}", "<%= ENV['API_KEY'] %>", "{{ vault_api_key }}"];
  const code = ["process.env.API_KEY", 'os.environ["API_KEY"]', 'os.getenv("API_KEY")', 'ENV.fetch("API_KEY")', 'System.getenv("API_KEY")', "config.apiKey", "settings.SECRET_KEY", 'Environment.GetEnvironmentVariable("API_KEY")', "getSecret('api-key')", 'viper.GetString("api_key")'];
  const names = ["API_KEY", "SECRET_KEY", "AUTH_TOKEN", "CLIENT_SECRET", "PASSWORD", "SLACK_BOT_TOKEN", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "SNYK_TOKEN", "CLOUDFLARE_API_TOKEN"];
  const ctxs = ["python", "javascript", "yaml", "json", "env", "shell", "go", "xml", "dockerfile", "k8s_env", "php", "ruby", "terraform", "markdown"];
  for (const p of placeholders) {
    const ctx = pick(r, ctxs);
    const c = CONTEXTS[ctx](r, pick(r, names), p);
    add("placeholder", c.path, c.lines);
  }
  for (const v of refs) {
    for (const ctx of [pick(r, ctxs), pick(r, ctxs)]) {
      const c = CONTEXTS[ctx](r, pick(r, names), v);
      add("variable-reference", c.path, c.lines);
    }
  }
  for (const v of code) {
    add("code-reference", "src/config.js", [`const apiKey = ${v};`]);
    add("code-reference", "app/settings.py", [`SECRET_KEY = ${v}`]);
  }
  // References in credential contexts.
  add("variable-reference", ".env", ["DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app"]);
  add("variable-reference", "docker-compose.yml", ["    environment:", "      - DATABASE_URL=postgresql://postgres:$POSTGRES_PASSWORD@db/app"]);
  add("variable-reference", "scripts/upload.sh", ['curl -u "$NEXUS_USER:$NEXUS_PASSWORD" -T a.zip https://nexus.acme-corp.io/']);
  add("variable-reference", "scripts/upload2.sh", ["curl -u ${USER}:${PASS} https://nexus.acme-corp.io/"]);
  add("variable-reference", "scripts/call.sh", ['curl -H "Authorization: Bearer $TOKEN" https://api.acme-corp.io/v1/me']);
  add("variable-reference", "scripts/call2.sh", ['curl -H "Authorization: Bearer ${{ secrets.API_TOKEN }}" https://api.acme-corp.io']);
  add("variable-reference", "src/api.ts", ["headers: { Authorization: `Bearer ${token}` },"]);
  add("variable-reference", "app/api.py", ['headers = {"Authorization": f"Bearer {token}"}']);
  add("variable-reference", "docs/api.md", ["```", "Authorization: Bearer <access_token>", "```"]);
  add("variable-reference", "docs/api2.md", ["    Authorization: Bearer YOUR_ACCESS_TOKEN"]);
  add("variable-reference", "deploy/secret.yaml", ["apiVersion: v1", "kind: Secret", "metadata:", "  name: db", "data:", "  password: {{ .Values.db.password | b64enc }}"]);
  add("variable-reference", "deploy/secret2.yaml", ["apiVersion: v1", "kind: Secret", "metadata:", "  name: db", "stringData:", "  password: ${DB_PASSWORD}"]);
  add("variable-reference", "NuGet.Config", ['<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />']);
  add("variable-reference", ".npmrc", ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}"]);
  add("variable-reference", ".m2/settings.xml", ["<server><id>nexus</id><username>${env.NEXUS_USER}</username><password>${env.NEXUS_PASSWORD}</password></server>"]);
  add("variable-reference", "application.properties", ["spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}"]);
  add("variable-reference", "appsettings.json", ['{"ConnectionStrings": {"Db": "Server=db;Database=app;User Id=sa;Password=$(SA_PASSWORD);"}}']);
  add("variable-reference", ".pypirc", ["[pypi]", "username = __token__", "password = %(PYPI_TOKEN)s"]);
  add("variable-reference", "main.tf", ['  password = var.db_password']);
  add("variable-reference", "main2.tf", ['  api_key = "${var.api_key}"']);
  add("variable-reference", ".github/workflows/ci.yml", ["    env:", "      SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}", "      SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}"]);
  // Documentation hosts and sample passwords.
  add("sample-credentials", "docs/db.md", ["Connect with `postgres://user:password@localhost:5432/db`."]);
  add("sample-credentials", "docker-compose.yml", ["      - DATABASE_URL=postgres://postgres:postgres@db:5432/app"]);
  add("sample-credentials", "README.md", ["    curl -u admin:admin http://localhost:8080/api"]);
  add("sample-credentials", "docs/url.md", ["https://user:pass@example.com/path"]);
  add("sample-credentials", "deploy/dev-secret.yaml", ["apiVersion: v1", "kind: Secret", "metadata:", "  name: dev", "data:", `  password: ${b64("changeme")}`]);
  // Right prefix, wrong length or alphabet.
  const near = [
    `ghp_${chars(r, ALNUM, 20)}`,
    `xoxb-123-${chars(r, ALNUM, 6)}`,
    `sk_live_${chars(r, ALNUM, 6)}`,
    `AKIA${chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8)}`,
    `glpat-${chars(r, ALNUM, 6)}`,
    `pplx-${chars(r, ALNUM, 10)}`,
    `sntryu_${chars(r, HEX, 20)}`,
    `hf_${chars(r, DIGITS, 8)}`,
    `AIza${chars(r, ALNUM, 10)}`,
    `SG.${chars(r, ALNUM, 5)}.${chars(r, ALNUM, 5)}`,
    `dop_v1_${chars(r, "ghijklmnopqrstuvwxyz", 64)}`,
    `sqp_${chars(r, "ghijklmnopqrstuvwxyz", 40)}`,
    `tskey-auth-${chars(r, ALNUM, 5)}`,
    `AGE-SECRET-KEY-1${chars(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 20)}`,
    `npm_${chars(r, ALNUM, 10)}`,
  ];
  for (const v of near) add("wrong-shape", "src/tokens.js", [`const token = "${v}";`]);
  // Hashes, ids and encoded data.
  const hex40 = () => chars(r, HEX, 40);
  add("hash", "CHANGELOG.md", [`- fix: handle empty input (${hex40()})`]);
  add("hash", ".git-blame-ignore-revs", [hex40(), hex40()]);
  add("hash", "src/version.ts", [`export const COMMIT_SHA = "${hex40()}";`]);
  add("hash", "checksums.txt", [`${sha(chars(r, ALNUM, 10))}  warden-linux-x64.tar.gz`]);
  add("hash", "Dockerfile", [`FROM node:20@sha256:${sha(chars(r, ALNUM, 10))}`]);
  add("hash", "app/cache.py", [`CACHE_KEY = "${sha(chars(r, ALNUM, 10)).slice(0, 32)}"  # md5 of the schema`]);
  add("hash", "config/assets.json", [`{"checksum": "${sha(chars(r, ALNUM, 10))}", "algorithm": "sha256"}`]);
  add("hash", "go.sum", [`github.com/pkg/errors v0.9.1 h1:${b64(sha(chars(r, ALNUM, 9)).slice(0, 32))}`]);
  add("integrity", "package-lock.json", [`      "integrity": "sha512-${chars(r, B64, 86)}=="`]);
  add("integrity", "index.html", [`<script src="https://cdn.acme-corp.io/app.js" integrity="sha384-${chars(r, B64, 64)}" crossorigin="anonymous"></script>`]);
  add("uuid", "src/ids.ts", [`export const TENANT_ID = "${uuid(r)}";`]);
  add("uuid", "config.json", [`{"requestId": "${uuid(r)}", "traceId": "${chars(r, HEX, 32)}"}`]);
  add("uuid", "app.yaml", [`client_id: ${uuid(r)}`, `tenant_id: ${uuid(r)}`]);
  add("uuid", "project.csproj", [`<ProjectGuid>{${uuid(r).toUpperCase()}}</ProjectGuid>`]);
  add("base64-image", "src/icon.css", [`.icon { background: url(data:image/png;base64,${chars(r, B64, 300)}=); }`]);
  add("base64-image", "src/logo.ts", [`export const LOGO = "data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg">${chars(r, ALNUM, 120)}</svg>`)}";`]);
  add("public-key", "deploy/authorized_keys", [`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${chars(r, B64, 340)} deploy@ci`]);
  add("public-key", "keys/signing.pub", ["-----BEGIN PUBLIC KEY-----", chars(r, B64, 64), chars(r, B64, 64), "-----END PUBLIC KEY-----"]);
  add("public-key", "certs/ca.pem", ["-----BEGIN CERTIFICATE-----", chars(r, B64, 64), chars(r, B64, 64), "-----END CERTIFICATE-----"]);
  add("public-key", "age-recipients.txt", [`age1${chars(r, "qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58)}`]);
  add("public-key", "src/stripe.js", [`const stripe = Stripe("pk_live_${chars(r, ALNUM, 24)}");`]);
  add("public-key", "src/firebase.js", [`const firebaseConfig = { projectId: "acme-prod", messagingSenderId: "${chars(r, DIGITS, 12)}", appId: "1:${chars(r, DIGITS, 12)}:web:${chars(r, HEX, 22)}" };`]);
  add("minified", "dist/app.min.js", [`!function(e){var t="${chars(r, ALNUM, 64)}";e.exports=function(n){return t.charAt(n%64)}}(module);`]);
  add("minified", "dist/vendor.min.js", [`var a="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",key=a.split("");`]);
  // Low-entropy and made-up values under secret names.
  const fakes = ["password123", "1234567890abcdef1234567890abcdef", "aaaaaaaaaaaaaaaaaaaaaaaa", "secretsecretsecret", "test1234test1234", "abc123", "P@ssw0rd", "hunter2", "my-secret-token", "not-a-real-secret", "EXAMPLE_KEY_DO_NOT_USE", "0000000000000000000000000000000000000000"];
  for (const v of fakes) {
    const c = CONTEXTS[pick(r, ["python", "javascript", "yaml", "env", "json"])](r, pick(r, names), v);
    add("low-entropy", c.path, c.lines);
  }
  // Vendors' own documented example values.
  add("vendor-example", "docs/aws.md", ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]);
  add("vendor-example", "docs/jwt.md", ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"]);
  add("vendor-example", "docs/stripe.md", ["curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:"]);
  // Words that sound like secrets but hold none.
  add("not-a-secret", "src/i18n/en.json", ['{"password": "Password", "api_key": "API key", "token_expired": "Your session token expired"}']);
  add("not-a-secret", "app/oauth.py", ['GRANT_TYPE = "client_credentials"', 'TOKEN_TYPE = "bearer"', 'TOKEN_URL = "https://auth.acme-corp.io/oauth/token"']);
  add("not-a-secret", "src/form.tsx", ['<input type="password" name="password" autoComplete="current-password" />']);
  add("not-a-secret", "src/keys.ts", ['export const API_KEY_HEADER = "X-Api-Key";', 'const SECRET_NAME = "prod/db/password";', 'const tokenKey = "auth_token";']);
  add("not-a-secret", "settings.py", ["API_KEY = None", 'PASSWORD = ""', "SECRET_KEY = get_random_secret_key()", 'AWS_SECRET_ACCESS_KEY_ENV = "AWS_SECRET_ACCESS_KEY"']);
  add("not-a-secret", "config.yaml", ["auth:", "  password_min_length: 12", "  token_ttl: 3600", "  secret_rotation_days: 90"]);
  add("not-a-secret", "src/ui.css", [".password-strength-meter { color: #ff0000; }", ".api-key-field { width: 320px; }"]);
  add("not-a-secret", "src/routes.js", ["router.post('/api/password/reset', resetPassword);", "const tokenRegex = /^[A-Za-z0-9_-]{20,}$/;"]);
  add("not-a-secret", "app.yaml", [`secret_key_ref: projects/acme/secrets/api-key/versions/latest`]);
  add("not-a-secret", "src/hash.go", [`var passwordHash = "$2a$10$${chars(r, `${ALNUM}./`, 53)}"`]);
  // Code and configuration that name a secret without holding one.
  const code2 = [
    ["app/auth.py", ['password = getpass.getpass("Password: ")', "api_key = args.api_key", 'access_token = response.json()["access_token"]', "token = jwt.encode(payload, signing_key, algorithm=\"HS256\")"]],
    ["app/fmt.py", ['DSN = "postgresql://{user}:{password}@{host}/{db}"', 'query = "UPDATE users SET password = %s WHERE id = %s"', 'log.info("password=%s", "***")']],
    ["src/validate.ts", ['const PASSWORD_PATTERN = "^(?=.*[A-Z])(?=.*[0-9]).{12,}$";', "const apiKeyPattern = /^[A-Za-z0-9]{32}$/;", 'const tokenizer = AutoTokenizer.fromPretrained("bert-base-uncased");', "const maxTokens = 4096;"]],
    ["template.yaml", ["Resources:", "  Db:", "    Properties:", "      MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbSecret}:SecretString:password}}'", "      MasterUsername: !Ref DbUser"]],
    ["playbook.yml", ["- name: create user", "  postgresql_user:", '    password: "{{ vault_db_password }}"', "    api_token: \"{{ lookup('env', 'API_TOKEN') }}\""]],
    ["db.tf", ['  password = random_password.db.result', '  api_key  = data.vault_generic_secret.app.data["api_key"]', '  token    = module.auth.token']],
    ["config/secrets.yml", ["production:", '  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', "  api_token: <%= Rails.application.credentials.api_token %>"]],
    ["src/headers.go", ['const AuthTokenHeader = "X-Auth-Token"', 'const TokenPrefix = "Bearer "', 'var keyPrefix = "user:session:"']],
    ["settings.ini", ["[auth]", "password =", "token = ", "secret = true", "key = value"]],
    ["config.json", ['{"password": "REDACTED", "token": "[FILTERED]", "apiKey": "********************************"}']],
    ["src/sentry.js", ['Sentry.init({ dsn: "https://' + chars(r, HEX, 32) + '@o' + chars(r, DIGITS, 6) + '.ingest.sentry.io/' + chars(r, DIGITS, 7) + '" });']],
    ["src/google.js", ['const CLIENT_ID = "' + chars(r, DIGITS, 12) + '-' + chars(r, "abcdefghijklmnopqrstuvwxyz0123456789", 32) + '.apps.googleusercontent.com";']],
    ["src/keys.ts", ['export const publicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE' + chars(r, B64, 52) + '==";']],
    ["app/cache.rb", ['CACHE_KEY = "v2/users/#{user.id}/profile"', 'SESSION_KEY = "_app_session"']],
    ["index.html", ['<meta name="csrf-param" content="authenticity_token" />', '<input type="password" id="password" placeholder="Enter your password">']],
  ];
  for (const [path, lines] of code2) add("not-a-secret", path, lines);
  // References and placeholders in typed declarations, XML elements and Dockerfile instructions.
  add("variable-reference", "src/env.ts", ['const apiKey: string = process.env.API_KEY ?? "";', "private readonly token?: string = undefined;"]);
  add("variable-reference", "app/src/main/kotlin/Config.kt", ["val apiToken: String = BuildConfig.API_TOKEN"]);
  add("variable-reference", "src/config.rs", ['let secret: String = std::env::var("APP_SECRET").expect("APP_SECRET");']);
  add("placeholder", "src/main/resources/vendor.xml", ["<vendor>", "  <apiKey>YOUR_API_KEY</apiKey>", "  <token>{{ token }}</token>", "</vendor>"]);
  add("variable-reference", "Dockerfile", ["FROM node:20", "ARG NPM_TOKEN", "ENV NPM_TOKEN ${NPM_TOKEN}", "ENV API_TOKEN=$API_TOKEN", "ENV PASSWORD_FILE /run/secrets/db_password"]);
  add("low-entropy", ".env", ["DB_PASSWORD=Summer2024!", "ADMIN_PASSWORD=Password123!"]);
  add("low-entropy", "config/app.yml", ["admin:", "  password: Welcome1!", "  secret: Changeme123"]);
  // Vendor shapes embedded in longer strings, or one character off.
  add("wrong-shape", "src/data.js", [`const blob = "x${"AIza" + chars(r, URLSAFE, 35)}y";`]);
  add("wrong-shape", "src/data2.js", [`const id = "AIza${chars(r, URLSAFE, 30)}";`]);
  add("wrong-shape", "src/data3.js", [`const s = "${chars(r, ALNUM, 20)}ghp_${chars(r, ALNUM, 36)}";`]);
  add("wrong-shape", "src/data4.js", [`const t = "xoxb-${chars(r, LETTERS, 10)}-${chars(r, LETTERS, 12)}";`]);
  add("wrong-shape", "src/data5.py", [`TOKEN = "sk-${chars(r, ALNUM, 10)}"`]);
  add("wrong-shape", "src/data6.py", [`KEY = "AKIA${chars(r, "abcdefghijklmnop", 16)}"`]);
  // Random identifiers under names that are not secrets.
  add("id", "config/app.yml", [`client_id: ${chars(r, ALNUM, 24)}`, `account_sid: AC${chars(r, HEX, 32)}`, `project_id: ${chars(r, LOWER_ALNUM, 20)}`]);
  add("id", "src/analytics.js", [`const MEASUREMENT_ID = "G-${chars(r, UPPER_ALNUM, 10)}";`, `const pixelId = "${chars(r, DIGITS, 16)}";`]);
  add("id", "Cargo.lock", [`checksum = "${sha(chars(r, ALNUM, 9))}"`]);
  add("id", "yarn.lock", [`  resolved "https://registry.yarnpkg.com/x/-/x-1.0.0.tgz#${chars(r, HEX, 40)}"`]);
  add("id", "src/build-info.json", [`{"buildId": "${chars(r, URLSAFE, 21)}", "etag": "W/\\"${chars(r, HEX, 32)}\\""}`]);
  return out;
}

/**
 * The evaluation set. `perPair` samples of every (family, context) pair; every case is one file.
 * Positives carry the 1-based line of the secret (`line`).
 */
export function buildCases({ seed = 1, perPair = 2 } = {}) {
  const r = seeded(seed);
  const cases = [];
  const push = (kind, family, context, c, value) => {
    // The secret's line: where its value stands, else the line the context names, else the last.
    const found = value === undefined ? -1 : c.lines.findIndex((l) => l.includes(value));
    const line = found >= 0 ? found + 1 : (c.at ?? c.lines.length);
    cases.push({ kind, family, context, path: c.path, text: `${c.lines.join("\n")}\n`, line });
  };
  for (const f of FAMILIES) {
    for (let i = 0; i < perPair; i += 1) {
      if (f.block) {
        const v = f.gen(r);
        push("positive", f.family, "bare", { path: "deploy/id_rsa.key", lines: v.split("\n") });
        push("positive", f.family, "json", { path: "config/service-account.json", lines: ["{", `  "private_key": "${v.replace(/\n/g, "\\n")}\\n",`, '  "type": "service_account"', "}"], at: 2 });
        push("positive", f.family, "python", { path: "app/keys.py", lines: ['PRIVATE_KEY = """', ...v.split("\n"), '"""'], at: 2 });
        push("positive", f.family, "yaml", { path: "config/keys.yml", lines: ["signing:", "  private_key: |", ...v.split("\n").map((l) => `    ${l}`)], at: 3 });
        continue;
      }
      for (const [context, render] of Object.entries(CONTEXTS)) {
        if (context === "bare" && !f.bare) continue;
        if (f.contexts !== undefined && !f.contexts.includes(context)) continue;
        const v = f.gen(r);
        const c = render(r, pick(r, f.names), v);
        if (f.pair !== undefined) {
          // AWS: the secret key sits beside its key id, as real configs hold them.
          const id = f.pair(r);
          const idLine = render(r, "AWS_ACCESS_KEY_ID", id).lines.find((l) => l.includes(id)) ?? `AWS_ACCESS_KEY_ID=${id}`;
          const at = c.at ?? 1;
          c.lines = [...c.lines.slice(0, at - 1), idLine, ...c.lines.slice(at - 1)];
          c.at = at + 1;
        }
        push("positive", f.family, context, c, v);
      }
      if (f.bearer) {
        for (const [context, render] of Object.entries(HEADER_CONTEXTS)) {
          const v = f.gen(r);
          push("positive", f.family, context, render(r, v), v);
        }
      }
    }
  }
  for (const f of CONTEXT_FAMILIES) {
    for (let i = 0; i < perPair * 3; i += 1) {
      f.variants.forEach((variant, n) => {
        const v = f.gen(r);
        push("positive", f.family, `${f.family}#${n + 1}`, variant(r, v), v);
      });
    }
  }
  for (const n of negatives(r)) push("negative", n.family, n.context, n);
  return cases;
}

export { ALNUM, DIGITS, HEX, LETTERS, checksummedBody };
