// The extraction library against the targets on the corpus's set-aside test split (test/corpus/split.json,
// never tuned on), and on the dev split it was tuned on. The matching rule: docs/extraction-evaluation.md.
//
// Not every target is met on the test split. Where it is not, this test asserts the measured floor instead, named
// as such, so a regression still fails — the targets themselves are printed beside the figures, and
// docs/extraction-evaluation.md says which are met.
import { describe, expect, it } from "vitest";
import { runLibrary } from "./run";
import { type Figures, formatFigures, loadCorpus, score } from "./score";

/** The targets. */
const TARGET = {
  speakerPrecision: 0.95,
  speakerRecall: 0.9,
  anonymous: 0.95,
  via: 0.95,
  reportedPrecision: 0.9,
  reportedRecall: 0.75,
};

/**
 * What the test split (the 14 "5-" articles, docs/decisions/0014-third-test-split.md) measured, run once with the
 * rules frozen at e50ac77: the target where it is met, the MEASURED FLOOR where it is not
 * (docs/extraction-evaluation.md). Reported-statement precision is below the previous split's floor (.79): the
 * "5-" split is harder for it — the same frozen rules score .858 on the retired "4-" split — see decision 0014.
 */
const TEST_FLOOR = {
  speakerPrecision: 0.89, // measured floor — target .95 not met (.896)
  speakerRecall: 0.9, // target .90 — met (.912)
  anonymous: 0.94, // measured floor — target .95 not met (.946)
  via: 0.95, // target .95 — met (.982)
  reportedPrecision: 0.76, // measured floor — target .90 not met (.766); lower than the "4-" split's .79 (0014)
  reportedRecall: 0.75, // target .75 — met (.800)
  scareAttributed: 4, // measured (4)
};

/** Dev: every target; scare quotes attributed as measured on the 107 dev articles (4; decision 0016). */
const DEV_FLOOR = { ...TARGET, scareAttributed: 4 };

function check(f: Figures, floor: typeof TARGET & { scareAttributed: number }) {
  expect(f.speakers.precision, "direct quotations, right speaker: precision").toBeGreaterThanOrEqual(
    floor.speakerPrecision,
  );
  expect(f.speakers.recall, "direct quotations, right speaker: recall").toBeGreaterThanOrEqual(
    floor.speakerRecall,
  );
  expect(f.anonymous.accuracy, "anonymous vs named").toBeGreaterThanOrEqual(floor.anonymous);
  expect(f.via.accuracy, "via outlet").toBeGreaterThanOrEqual(floor.via);
  expect(f.reported.precision, "reported statements: precision").toBeGreaterThanOrEqual(
    floor.reportedPrecision,
  );
  expect(f.reported.recall, "reported statements: recall").toBeGreaterThanOrEqual(floor.reportedRecall);
  expect(f.scareAttributed, "scare quotes attributed to someone").toBeLessThanOrEqual(floor.scareAttributed);
}

const met = (f: Figures) =>
  [
    ["speaker P", f.speakers.precision, TARGET.speakerPrecision],
    ["speaker R", f.speakers.recall, TARGET.speakerRecall],
    ["anonymous", f.anonymous.accuracy, TARGET.anonymous],
    ["via", f.via.accuracy, TARGET.via],
    ["reported P", f.reported.precision, TARGET.reportedPrecision],
    ["reported R", f.reported.recall, TARGET.reportedRecall],
  ]
    .map(
      ([n, v, t]) =>
        `${n} ${(v as number).toFixed(3)} (target ${t}: ${(v as number) >= (t as number) ? "met" : "NOT met"})`,
    )
    .join("; ");

describe("extraction quality on the corpus", () => {
  it('test split (the fresh "5-" articles, never tuned on): the targets where met, the measured floor where not', () => {
    const f = score(loadCorpus("test"), runLibrary);
    console.log(`${formatFigures("test split", f)}\n  ${met(f)}`);
    check(f, TEST_FLOOR);
  });

  it("dev split (tuned on): every target", () => {
    const f = score(loadCorpus("dev"), runLibrary);
    console.log(`${formatFigures("dev split", f)}\n  ${met(f)}`);
    check(f, DEV_FLOOR);
  });
});
