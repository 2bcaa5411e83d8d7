import { assignedSecret, UUID } from "../token-format.js";

/** Codecov upload token. */
export default assignedSecret({
  id: "codecov-upload-token",
  name: "Codecov upload token",
  source: "Codecov Docs: Codecov tokens",
  names: ["codecov"],
  value: UUID,
});
