// The learned speaker choice (decision 0013): article-level cross-validation on the corpus's dev split, and the
// shipped model trained on all of dev. The test split is never read here.
//
//   node --import tsx scripts/train-speaker.ts            per-fold figures, rules vs learned (5 folds)
//   node --import tsx scripts/train-speaker.ts --no-rule  the same, the learned model without the rules' answer as a feature
//   node --import tsx scripts/train-speaker.ts --write    … and write src/extract/speaker-model.ts from all of dev
//
// Thresholds are chosen inside each training fold (an inner 4-fold cross-validation), never on the fold scored.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type SpeakerModel, speakerCandidates } from "../src/extract/index";
import { best, FEATURES, trainLogistic } from "../src/extract/ranker";
import { runLibrary } from "../test/corpus/run";
import {
  type CorpusArticle,
  type Figures,
  type GoldQuote,
  loadCorpus,
  score,
  spansMatch,
  speakerRight,
} from "../test/corpus/score";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    seed: { type: "string", default: "13" },
    "no-rule": { type: "boolean", default: false },
    write: { type: "boolean", default: false },
    errors: { type: "boolean", default: false },
    /** When the model's best is not the rules' answer: unclear | rules | learned (quotations). */
    direct: { type: "string", default: "learned" },
    /** Never drop a reported statement (its threshold 0): recall is the constrained figure (R ≥ .75 at P ≥ .90). */
    "keep-statements": { type: "boolean", default: false },
    /** … drop | rules | learned (reported statements). */
    indirect: { type: "string", default: "learned" },
    /** Features left out (their weights stay 0), comma-separated. */
    drop: { type: "string", default: "" },
  },
});
const FOLDS = Number(values.folds);
const SEED = Number(values.seed);
const DROPPED = new Set<string>(values.drop ? values.drop.split(",") : []);
if (values["no-rule"]) for (const f of FEATURES) if (f.startsWith("rule")) DROPPED.add(f);
const RULE_FEATURES = new Set([...DROPPED].map((f) => FEATURES.indexOf(f as (typeof FEATURES)[number])));
for (const f of DROPPED)
  if (!FEATURES.includes(f as (typeof FEATURES)[number])) throw new Error(`no feature ${f}`);

interface Group {
  kind: "direct" | "indirect";
  /** Per candidate: features and whether it is the gold speaker. */
  rows: { x: number[]; y: number }[];
  /** The gold item the attribution matches with a clear speaker. */
  gold: boolean;
}

const dev = loadCorpus("dev");

/** The candidates of every attribution the rules found in an article, labelled against its gold. */
function groupsOf(a: CorpusArticle): Group[] {
  const overlap = (x: { start: number; end: number }, g: { start: number; end: number }) =>
    Math.max(0, Math.min(x.end, g.end) - Math.max(x.start, g.start));
  const goldOf = (att: { kind: "direct" | "indirect"; start: number; end: number }) => {
    const golds: GoldQuote[] = att.kind === "direct" ? a.gold.direct : a.gold.indirect;
    const g = golds.filter((x) => spansMatch(att, x)).sort((x, y) => overlap(att, y) - overlap(att, x))[0];
    return g && !g.speakerUnclear && g.speaker ? g : undefined;
  };
  const right = (att: { kind: "direct" | "indirect"; start: number; end: number }, names: string[]) => {
    const g = goldOf(att);
    return Boolean(
      g && speakerRight({ ...att, speaker: names, speakerUnclear: false, anonymous: false, via: null }, g),
    );
  };
  return speakerCandidates(a.text, { publisher: a.meta.publisher }, right).map((att) => ({
    kind: att.kind,
    gold: Boolean(goldOf(att)),
    rows: att.candidates.map((c) => ({
      x: RULE_FEATURES.size ? c.x.map((v, k) => (RULE_FEATURES.has(k) ? 0 : v)) : c.x,
      y: Number(c.right),
    })),
  }));
}

const groups = new Map(dev.map((a) => [a.id, groupsOf(a)]));

/** A fixed article order from the ids (FNV-1a), cut into folds. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (const c of s) h = Math.imul(h ^ (c.codePointAt(0) as number), 0x01000193) >>> 0;
  return h;
}
function folds(ids: string[], k: number, salt: string): string[][] {
  const order = [...ids].sort((a, b) => hash(salt + a) - hash(salt + b) || a.localeCompare(b));
  return Array.from({ length: k }, (_, i) => order.filter((_, j) => j % k === i));
}

function train(ids: string[]): { weights: number[]; bias: number } {
  const samples = ids.flatMap((id) => (groups.get(id) ?? []).flatMap((g) => g.rows));
  return trainLogistic(samples, { seed: SEED });
}

/** Thresholds from an inner cross-validation over the training articles: the best P + R on what was held out. */
function thresholds(ids: string[]): { directThreshold: number; indirectThreshold: number } {
  const held: { kind: string; p: number; right: boolean; gold: boolean }[] = [];
  for (const inner of folds(ids, 4, "inner")) {
    const m = train(ids.filter((id) => !inner.includes(id)));
    for (const id of inner)
      for (const g of groups.get(id) ?? []) {
        const top = best(
          m,
          g.rows.map((r) => ({ entityId: "", mention: null, rule: false, x: r.x })),
        );
        const right = top ? (g.rows.find((r) => r.x === top.candidate.x)?.y ?? 0) === 1 : false;
        held.push({ kind: g.kind, p: top?.p ?? 0, right, gold: g.gold });
      }
  }
  const pick = (kind: string) => {
    const hs = held.filter((h) => h.kind === kind);
    const goldN = hs.filter((h) => h.gold).length;
    let bestT = 0;
    let bestScore = -1;
    for (let t = 0; t <= 0.9; t += 0.02) {
      const kept = hs.filter((h) => h.p >= t);
      const right = kept.filter((h) => h.right).length;
      const p = kept.length ? right / kept.length : 1;
      const r = goldN ? right / goldN : 1;
      if (p + r > bestScore + 1e-9) {
        bestScore = p + r;
        bestT = Math.round(t * 100) / 100;
      }
    }
    return bestT;
  };
  return {
    directThreshold: pick("direct"),
    indirectThreshold: values["keep-statements"] ? 0 : pick("indirect"),
  };
}

function model(ids: string[]): SpeakerModel {
  return {
    features: [...FEATURES],
    ...train(ids),
    ...thresholds(ids),
    onDisagree: {
      direct: values.direct as SpeakerModel["onDisagree"]["direct"],
      indirect: values.indirect as SpeakerModel["onDisagree"]["indirect"],
    },
  };
}

const f3 = (n: number) => n.toFixed(3);
const row = (name: string, f: Figures) =>
  `${name.padEnd(22)} speaker P/R ${f3(f.speakers.precision)} / ${f3(f.speakers.recall)}  anon ${f3(f.anonymous.accuracy)}  via ${f3(f.via.accuracy)}  reported P/R ${f3(f.reported.precision)} / ${f3(f.reported.recall)}  scare ${f.scareAttributed}  unclear said ${f.unclear.said}, agreed ${f.unclear.agreed}/${f.unclear.goldUnclear}`;

const outer = folds(
  dev.map((a) => a.id),
  FOLDS,
  "outer",
);
const pooledRules: CorpusArticle[] = [];
const pooledFound = new Map<string, ReturnType<typeof runLibrary>>();
const spread: Record<string, { rules: number[]; learned: number[] }> = {
  "speaker P": { rules: [], learned: [] },
  "speaker R": { rules: [], learned: [] },
  "reported P": { rules: [], learned: [] },
  "reported R": { rules: [], learned: [] },
};
console.log(
  `dev ${dev.length} articles, ${FOLDS} folds by article; on disagreeing with the rules: quotation ${values.direct}, statement ${values.indirect}${DROPPED.size ? `; features left out: ${[...DROPPED].join(", ")}` : ""}\n`,
);
outer.forEach((test, k) => {
  const trainIds = dev.map((a) => a.id).filter((id) => !test.includes(id));
  const m = model(trainIds);
  const arts = dev.filter((a) => test.includes(a.id));
  const rules = score(arts, (a) => runLibrary(a, null));
  const learned = score(arts, (a) => {
    const found = runLibrary(a, m);
    pooledFound.set(a.id, found);
    return found;
  });
  pooledRules.push(...arts);
  console.log(
    `fold ${k + 1} (${arts.length} articles; thresholds direct ${m.directThreshold}, reported ${m.indirectThreshold})`,
  );
  console.log(`  ${row("rules", rules)}`);
  console.log(`  ${row("learned", learned)}`);
  spread["speaker P"]?.rules.push(rules.speakers.precision);
  spread["speaker P"]?.learned.push(learned.speakers.precision);
  spread["speaker R"]?.rules.push(rules.speakers.recall);
  spread["speaker R"]?.learned.push(learned.speakers.recall);
  spread["reported P"]?.rules.push(rules.reported.precision);
  spread["reported P"]?.learned.push(learned.reported.precision);
  spread["reported R"]?.rules.push(rules.reported.recall);
  spread["reported R"]?.learned.push(learned.reported.recall);
});
const stats = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return `mean ${f3(mean)} sd ${f3(sd)} min ${f3(Math.min(...xs))} max ${f3(Math.max(...xs))}`;
};
console.log("\nper-fold spread");
for (const [name, s] of Object.entries(spread))
  console.log(
    `  ${name.padEnd(10)} rules   ${stats(s.rules)}\n  ${"".padEnd(10)} learned ${stats(s.learned)}`,
  );
console.log("\npooled over the folds (each article scored by the model that did not see it)");
console.log(
  `  ${row(
    "rules",
    score(pooledRules, (a) => runLibrary(a, null)),
  )}`,
);
const pooled = score(pooledRules, (a) => pooledFound.get(a.id) ?? []);
console.log(`  ${row("learned", pooled)}`);
if (values.errors) console.log(pooled.errors.join("\n"));

if (values.write) {
  const m = model(dev.map((a) => a.id));
  const body = JSON.stringify(m, null, 2);
  writeFileSync(
    "src/extract/speaker-model.ts",
    `// The learned speaker choice's weights (decision 0013), written by scripts/train-speaker.ts --write from the
// corpus's dev gold (${dev.length} articles, seed ${SEED}); do not edit by hand.
import type { SpeakerModel } from "./ranker";

export const SPEAKER_MODEL: SpeakerModel | null = ${body};
`,
  );
  console.log(
    `\nwrote src/extract/speaker-model.ts (thresholds direct ${m.directThreshold}, reported ${m.indirectThreshold})`,
  );
}
