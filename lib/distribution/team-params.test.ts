import { expect, test } from "vitest";
import { teamParams } from "./team-params";

const id = "01a20aab-b215-745f-bc86-4b6a0fcd431e";
test.each([
  [{}, { level: 1 }],
  [{ level: "2" }, { level: 2 }],
  [{ level: "3" }, { level: 1 }],
  [{ level: ["2", "1"], after: id }, { level: 2, after: id }],
  [{ after: "not-a-uuid" }, { level: 1 }],
  [{ after: `${id}' or 1=1` }, { level: 1 }],
])("%j → %j", (sp, expected) => {
  expect(teamParams(sp)).toEqual(expected);
});
