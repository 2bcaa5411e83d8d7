// The throwaway sshd lives in @warden/test-utils, with the other shared test helpers.
export { startSshd, type Sshd } from "@warden/test-utils";
