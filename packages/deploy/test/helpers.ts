// The deploy tests' helpers live in @warden/test-utils (shared with test/e2e's deploy process tests).
export * from "@warden/test-utils/deploy";
