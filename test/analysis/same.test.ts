// "Says the same as a known passage" (src/analysis/same.ts) on written pairs (same-statements.json): the dev half
// chose the thresholds; the test half was written with it and scored once after (see docs/decisions/0008).
import { describe, expect, it } from "vitest";
import { scoreSame } from "../../scripts/same-statements";
import { contentWords, sameStatements } from "../../src/analysis/same";
import type { KnownStatement } from "../../src/model/known";

describe("the same-statement matcher on the written pairs", () => {
  it.each(["dev", "test"] as const)("%s: precision ≥ .9, recall ≥ .8", (split) => {
    const r = scoreSame(split);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe("what keeps two statements apart", () => {
  const statement = (text: string) => ({ text, targetId: "a/b" }) as KnownStatement;
  const known = (text: string) => [{ statement: statement(text), words: contentWords(text) }];
  const base =
    "the rebels would agree to a cease-fire if the loyalist brigades withdrew from the western cities";

  it("the same words, stemmed, hyphens and transliterations aside, are the same", () => {
    expect(
      sameStatements(
        "Rebels would agree to a ceasefire if loyalist brigades withdraw from western cities",
        known(base),
      ),
    ).toHaveLength(1);
    expect(
      sameStatements(
        "Gadhafi must leave the country with his family before talks begin",
        known("Qaddafi must leave the country with his family before the talks begin"),
      ),
    ).toHaveLength(1);
  });
  it("a negation on one side only", () => {
    expect(
      sameStatements(
        "The rebels would never agree to a cease-fire if the loyalist brigades withdrew from the western cities",
        known(base),
      ),
    ).toEqual([]);
    expect(
      sameStatements(
        "The rebels refused to agree to a cease-fire if the loyalist brigades withdrew from the western cities",
        known(base),
      ),
    ).toEqual([]);
  });
  it("other numbers", () => {
    const aid = "Turkey promised the rebel council $200 million in humanitarian aid for the eastern cities";
    expect(
      sameStatements(
        "Turkey promised the rebel council $300 million in humanitarian aid for the eastern cities",
        known(aid),
      ),
    ).toEqual([]);
    expect(
      sameStatements(
        "Turkey promised the rebel council $200 million in humanitarian aid for the eastern cities",
        known(aid),
      ),
    ).toHaveLength(1);
  });
  it("a short statement inside a long one, or too few words to judge", () => {
    expect(
      sameStatements(
        "NATO jets struck targets near Tripoli overnight, the alliance said, as rebels vowed to liberate the capital and take the airport and the port",
        known("liberate and have sovereignty over all of Libya with its capital in Tripoli"),
      ),
    ).toEqual([]);
    expect(sameStatements("He cannot stay.", known("He cannot stay."))).toEqual([]);
  });
});
