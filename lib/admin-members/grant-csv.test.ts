import { describe, expect, test } from "vitest";
import { parseGrantCsv, splitCsvLine } from "./grant-csv";

describe("grant CSV", () => {
  test.each([
    ["a,b,c", ["a", "b", "c"]],
    ['"x, y",5,"say ""hi"""', ["x, y", "5", 'say "hi"']],
    [" a , 1 , r ", ["a", "1", "r"]],
  ])("splitCsvLine(%j)", (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });

  test("header skipped, emails lower-cased, each bad line reported by its line number", () => {
    const csv = ["member,points,reason", "Chen.Jing@Demo.jifen.dev,100,Birthday gift", "", "0195f3a2-7c1e-7b2a-9d3e-1a2b3c4d5e6f,50,\"Survey, thanks\"", "x@y.z,0,zero", "x@y.z,-5,negative", "x@y.z,12.5,decimal", "x@y.z,10", ",10,no member", "x@y.z,10,okay", "x@y.z,2000000,too many"].join("\r\n");
    expect(parseGrantCsv(csv)).toEqual({
      lines: [
        { rowNo: 2, memberRef: "chen.jing@demo.jifen.dev", points: 100, reason: "Birthday gift" },
        { rowNo: 4, memberRef: "0195f3a2-7c1e-7b2a-9d3e-1a2b3c4d5e6f", points: 50, reason: "Survey, thanks" },
        { rowNo: 10, memberRef: "x@y.z", points: 10, reason: "okay" },
      ],
      errors: [
        { rowNo: 5, error: "points" },
        { rowNo: 6, error: "points" },
        { rowNo: 7, error: "points" },
        { rowNo: 8, error: "columns" },
        { rowNo: 9, error: "member" },
        { rowNo: 11, error: "points" },
      ],
    });
  });

  test("a file without a header starts at line 1", () => {
    expect(parseGrantCsv("a@b.c,5,Thanks a lot").lines).toEqual([{ rowNo: 1, memberRef: "a@b.c", points: 5, reason: "Thanks a lot" }]);
  });
});
