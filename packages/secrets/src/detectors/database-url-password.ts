import { defineDetector } from "../define-detector.js";
import { plausibleUrlPassword } from "./shared.js";

/** Database URL with a password. */
export default defineDetector({
  id: "database-url-password",
  name: "Database URL with a password",
  description: "Database and queue connection URL with an embedded password (PostgreSQL, MySQL/MariaDB, MongoDB, Redis, AMQP/RabbitMQ, SQL Server, ClickHouse, CockroachDB, Redshift, Oracle, Db2, Snowflake, Kafka, NATS, MQTT, STOMP, CouchDB, Neo4j, Cassandra, Memcached, InfluxDB, Presto/Trino, Vertica, Elasticsearch/OpenSearch, LDAP).",
  source: "RFC 3986 (URI generic syntax: userinfo); PostgreSQL: Connection Strings",
  severity: "error",
  keywords: ["://"],
  pattern: /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouses?|cockroachdb|redshift|oracle|db2|snowflake|kafka|nats|mqtts?|stomp|couchdbs?|neo4j(?:\+s)?|bolt|cassandra|memcached?|influxdb|presto|trino|vertica|elasticsearch|opensearch|rabbitmq|ldaps?)(?:\+[a-z0-9]+)?:\/\/[^\s:@/"'<>]{0,64}:(?<secret>[^\s:@/"'<>]{3,128})@[A-Za-z0-9._-]+/,
  window: { before: 60, after: 300, needs: "@" },
  minEntropy: 1.5,
  validate: plausibleUrlPassword,
});
