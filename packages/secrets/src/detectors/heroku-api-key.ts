import { assignedSecret, UUID } from "../token-format.js";

/** Heroku API key (legacy UUID). */
export default assignedSecret({
  id: "heroku-api-key",
  name: "Heroku API key (legacy UUID)",
  source: "Heroku Dev Center: Heroku CLI Authentication (API tokens)",
  names: ["heroku"],
  value: UUID,
});
