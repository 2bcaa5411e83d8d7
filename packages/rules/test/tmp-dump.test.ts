import { it } from "vitest";
import { checkFixture, summary } from "./fixture-repo.js";
it("dump", async () => { console.log(JSON.stringify(summary(await checkFixture(process.env.RULE!, process.env.VARIANT ?? "bad")))); });
