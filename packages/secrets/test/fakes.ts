// The seeded fake secrets live in the shared test-utils package; re-exported here for the detector tests.
export { ALNUM, B64, checksummed, HEX, jwt, pem, prng, rand, UPPER_NUM, URLSAFE } from "@warden/test-utils";
