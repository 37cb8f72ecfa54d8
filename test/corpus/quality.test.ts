// The extraction library against the targets on the corpus's set-aside test split (test/corpus/split.json,
// never tuned on), and on the dev split it was tuned on. The matching rule: docs/extraction-evaluation.md.
//
// The fourth test split meets every target; earlier splits did not (their measured floors are in git history and
// docs/extraction-evaluation.md).
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
 * What the test split (the 18 "7-" articles, docs/decisions/0015-fourth-test-split.md) measured, run once with the
 * rules frozen at c6ec02a (decision 0016's rules): every target met (docs/extraction-evaluation.md). The targets
 * are asserted; the measured figures are in the comments.
 */
const TEST_FLOOR = {
  ...TARGET, // speaker P .975 / R .935, anonymous .984, via .951, reported P .916 / R .870
  scareAttributed: 1, // measured (1)
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
  it('test split (the fresh "7-" articles, never tuned on): every target', () => {
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
