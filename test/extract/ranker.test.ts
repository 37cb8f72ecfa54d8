// The learned speaker choice (src/extract/ranker.ts, decision 0013): its candidates and features on small texts,
// training that gives the same weights for the same seed, and "speaker unclear" when the model is unsure.
import { describe, expect, it } from "vitest";
import {
  type Extraction,
  extract,
  SPEAKER_MODEL,
  type SpeakerModel,
  speakerCandidates,
} from "../../src/extract/index";
import { FEATURES, probability, seeded, trainLogistic } from "../../src/extract/ranker";

const H = "Headline\n\n";
const feature = (x: number[], name: (typeof FEATURES)[number]) => x[FEATURES.indexOf(name)];
const speakerOf = (x: Extraction, words: string) => {
  const a = x.attributions.find((y) => y.content.exact.includes(words));
  return a?.speakerUnclear ? "(unclear)" : (x.entities.find((e) => e.id === a?.speaker)?.name ?? null);
};
const HE_ADDED = `${H}“The offer is final,” said Tomas Ferhat, a spokesman for Brennic Terminals.\n\nThe union's members met Lena Haraldsen of the ministry on Monday.\n\n“We will not negotiate under pressure,” he added.`;

describe("speaker candidates and their features", () => {
  it("a name at the cue: the rules' answer, at the cue, in the same sentence, a person", () => {
    const [a] = speakerCandidates(
      `${H}“The offer is final,” said Tomas Ferhat, a spokesman for Brennic Terminals.`,
      {},
      () => false,
    );
    const tomas = a?.candidates.find((c) => c.names.includes("Tomas Ferhat"));
    const brennic = a?.candidates.find((c) => c.names.some((n) => n.includes("Brennic")));
    expect(tomas && brennic).toBeTruthy();
    const t = tomas?.x as number[];
    expect(feature(t, "rule")).toBe(1);
    expect(feature(t, "at-cue")).toBe(1);
    expect(feature(t, "same-sentence")).toBe(1);
    expect(feature(t, "person")).toBe(1);
    expect(feature(t, "before-cue")).toBe(0); // "said Tomas Ferhat": the name follows the cue
    expect(feature(t, "next-to-cue")).toBe(1);
    expect(feature(t, "in-quotation")).toBe(0);
    const b = brennic?.x as number[];
    expect(feature(b, "rule")).toBe(0);
    expect(feature(b, "at-cue")).toBe(0);
    expect(feature(b, "organization")).toBe(1);
  });

  it("'he added': the last speaker as read so far, and a name since it that is an object, not a subject", () => {
    const groups = speakerCandidates(HE_ADDED, {}, (_a, names) => names.includes("Tomas Ferhat"));
    const added = groups.find((g) => HE_ADDED.slice(g.start, g.end).includes("under pressure"));
    const tomas = added?.candidates.find((c) => c.names.includes("Tomas Ferhat"))?.x as number[];
    const lena = added?.candidates.find((c) => c.names.includes("Lena Haraldsen"))?.x as number[];
    expect(tomas && lena).toBeTruthy();
    expect(feature(tomas, "last-speaker")).toBe(1);
    expect(feature(tomas, "pronoun×last-speaker")).toBe(1);
    expect(feature(tomas, "cue-word-pronoun")).toBe(1);
    expect(feature(lena, "last-speaker")).toBe(0);
    expect(feature(lena, "sentence-subject")).toBe(0); // "The union's members met Lena Haraldsen"
    expect(feature(lena, "pronoun×named-since")).toBe(0);
    expect(feature(lena, "paragraph-distance")).toBeCloseTo(1 / 3);
  });

  it("every feature is a number in about [0, 1], one per name, for every candidate", () => {
    for (const g of speakerCandidates(HE_ADDED, {}, () => false))
      for (const c of g.candidates) {
        expect(c.x).toHaveLength(FEATURES.length);
        for (const v of c.x) expect(v >= 0 && v <= 1.5).toBe(true);
      }
  });
});

describe("training", () => {
  const random = seeded(3);
  const samples = Array.from({ length: 400 }, () => {
    const x = [random(), random(), random() < 0.5 ? 1 : 0];
    return { x, y: Number((x[0] as number) > 0.5 !== (x[2] === 1 && random() < 0.1)) };
  });

  it("gives the same weights for the same samples and seed", () => {
    expect(trainLogistic(samples, { seed: 7 })).toEqual(trainLogistic(samples, { seed: 7 }));
  });

  it("visits the samples in a different order for another seed", () => {
    expect(trainLogistic(samples, { seed: 7, epochs: 1 })).not.toEqual(
      trainLogistic(samples, { seed: 8, epochs: 1 }),
    );
  });

  it("learns which feature tells the label", () => {
    const m = trainLogistic(samples, { seed: 7 });
    expect(m.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(m.weights[1] as number)).toBeLessThan(1);
    expect(probability(m, [0.9, 0.5, 0])).toBeGreaterThan(0.8);
    expect(probability(m, [0.1, 0.5, 0])).toBeLessThan(0.2);
  });
});

describe("the learned choice in extract()", () => {
  const model = SPEAKER_MODEL as SpeakerModel;

  it("is off by default: the rules' speakers", () => {
    const unsure = { ...model, directThreshold: 1, indirectThreshold: 1 };
    expect(speakerOf(extract(HE_ADDED), "under pressure")).toBe("Tomas Ferhat");
    expect(speakerOf(extract(HE_ADDED, { speakerModel: null }), "under pressure")).toBe("Tomas Ferhat");
    expect(speakerOf(extract(HE_ADDED, { speakerModel: unsure }), "under pressure")).toBe("(unclear)");
  });

  it("names the speaker a careful reader takes 'he added' to mean", () => {
    const x = extract(HE_ADDED, { speakerModel: model });
    expect(speakerOf(x, "The offer is final")).toBe("Tomas Ferhat");
    expect(speakerOf(x, "under pressure")).toBe("Tomas Ferhat");
  });

  it("says 'speaker unclear' for a quotation, and drops a reported statement, when it is unsure", () => {
    const text = `${H}“We will not move,” Irena Kostadin said on Tuesday. The ministry said the talks would resume in May.`;
    const sure = extract(text, { speakerModel: model });
    expect(speakerOf(sure, "We will not move")).toBe("Irena Kostadin");
    expect(sure.attributions.some((a) => a.kind === "indirect")).toBe(true);
    const unsure = extract(text, { speakerModel: { ...model, directThreshold: 1, indirectThreshold: 1 } });
    const q = unsure.attributions.find((a) => a.content.exact.includes("We will not move"));
    expect(q?.speakerUnclear).toBe(true);
    expect(q?.speaker).toBeNull();
    expect(q?.confidence).toBe(0);
    expect(unsure.attributions.some((a) => a.kind === "indirect")).toBe(false);
  });

  it("keeps a Q&A answer's speaker: the label says who speaks", () => {
    const text = `${H}Marisol Vega closed her restaurant last week after twenty years. We spoke to Marisol Vega.\n\nQ: Why now?\n\nA: The lease came up and the landlord wanted twice the rent.\n\nQ: Will you open again?\n\nA: Maybe, somewhere smaller.`;
    const rules = extract(text);
    const learned = extract(text, { speakerModel: { ...model, directThreshold: 1 } });
    expect(speakerOf(rules, "The lease came up")).toBe("Marisol Vega");
    expect(speakerOf(learned, "The lease came up")).toBe("Marisol Vega");
  });
});
