// Table-driven tests of each pipeline rule on small invented texts.
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { clean } from "../../src/dataset/clean";
import { resolveDay } from "../../src/extract/dates";
import { phoneticKey } from "../../src/extract/names";
import { paragraphs, quotations, sentences } from "../../src/extract/text";
import type { Dataset } from "../../src/model/dataset";

const build = (raw: string, meta = {}): Dataset => buildDataset([{ id: "t", raw, meta }]).dataset;
const speakerOf = (d: Dataset, quote: string) => {
  const a = d.attributions.find((x) => x.target.exact.includes(quote));
  return a ? { name: d.entities.find((e) => e.id === a.speaker)?.name ?? null, a } : undefined;
};

describe("quotations", () => {
  it.each([
    ["curly", "“We will win,” she said.", ["We will win"]],
    ["straight", '"We will win," she said.', ["We will win"]],
    ["partial inside a sentence", "He called the plan “dead on arrival” on Monday.", ["dead on arrival"]],
    ["split by its cue", "“First part,” said Ann Lee. “Second part.”", ["First part", "Second part."]],
    ["apostrophes are not quotes", "It’s the mayor’s plan, ‘they say’.", []],
    ["straight quote after a dash", 'He said -"yes."', ["yes."]],
  ])("%s", (_name, text, expected) => {
    const paras = paragraphs(text);
    expect(quotations(text, paras).map((q) => text.slice(q.start, q.end))).toEqual(expected);
  });

  it("an opening mark with no close continues into the next paragraph that opens with a mark", () => {
    const text = "“First paragraph of the quote.\n\n“Second paragraph,” she said.\n\nNarrative.";
    const q = quotations(text, paragraphs(text));
    expect(q).toHaveLength(1);
    expect(text.slice(q[0]?.start, q[0]?.end)).toBe("First paragraph of the quote.\n\n“Second paragraph");
    expect(q[0]?.parts).toHaveLength(2);
  });

  it("an unclosed quote followed by a narrative paragraph ends at its paragraph", () => {
    const text = "“Unclosed quote here.\n\nNarrative goes on.";
    const q = quotations(text, paragraphs(text));
    expect(q.map((x) => text.slice(x.start, x.end))).toEqual(["Unclosed quote here."]);
  });
});

describe("sentences", () => {
  it.each([
    ["abbreviations", "Mr. Smith met Col. Jones. They spoke.", ["Mr. Smith met Col. Jones.", "They spoke."]],
    ["initials", "The U.N. envoy arrived. He left.", ["The U.N. envoy arrived.", "He left."]],
    [
      "no split inside a quote",
      "“It is over. We lost,” he said. Then he left.",
      ["“It is over. We lost,” he said.", "Then he left."],
    ],
  ])("%s", (_n, text, expected) => {
    const paras = paragraphs(text);
    const q = quotations(text, paras).flatMap((x) =>
      x.parts.map((p) => ({ start: p.openMark, end: p.closeMark ?? p.end })),
    );
    expect(
      sentences(text, paras[0] as { start: number; end: number }, q).map((s) => text.slice(s.start, s.end)),
    ).toEqual(expected);
  });
});

describe("speech cues and speakers", () => {
  it.each([
    ["$Q, $S said", "“The bridge is safe,” Harold Okonjo said.", "The bridge is safe", "Harold Okonjo"],
    [
      "$Q, said $S, role",
      "“The bridge is safe,” said Harold Okonjo, the city engineer.",
      "The bridge is safe",
      "Harold Okonjo",
    ],
    [
      "$Q, said Mr. $S",
      "Harold Okonjo spoke first. “It holds,” said Mr. Okonjo.",
      "It holds",
      "Harold Okonjo",
    ],
    ["$S said: $Q", "Harold Okonjo said: “It holds.”", "It holds.", "Harold Okonjo"],
    ["$S told $outlet: $Q", "Harold Okonjo told Reuters: “It holds.”", "It holds.", "Harold Okonjo"],
    [
      "partial quote after a that-clause",
      "Harold Okonjo said that the plan was “a disgrace.”",
      "a disgrace.",
      "Harold Okonjo",
    ],
    [
      "participle cue",
      "Harold Okonjo, the engineer, reacted quickly, saying the plan was “a disgrace.”",
      "a disgrace.",
      "Harold Okonjo",
    ],
    [
      "title before the name",
      "Prime Minister Ada Brook has said the plan is “a disgrace.”",
      "a disgrace.",
      "Ada Brook",
    ],
  ])("%s", (_n, text, quote, speaker) => {
    expect(speakerOf(build(text), quote)?.name).toBe(speaker);
  });

  it("a pronoun names the last speaker, or a person named since", () => {
    const d = build(
      "Ann Lee chairs the board. “We are ready,” she said.\n\nA source close to the board said the vote was near.\n\n“It is close,” she said.",
    );
    expect(speakerOf(d, "We are ready")?.name).toBe("Ann Lee");
    expect(speakerOf(d, "It is close")?.a.anonymous).toBe(true);
    expect(speakerOf(d, "It is close")?.name).toBe("source close to the board");
  });

  it("a description names the earlier source it re-describes", () => {
    const d = build(
      "A senior official who defected last month told reporters that he feared for his family.\n\n“I cannot go back,” the defector said.\n\n“They are watching,” said the official.",
    );
    const a = speakerOf(d, "I cannot go back");
    const b = speakerOf(d, "They are watching");
    expect(a?.a.anonymous).toBe(true);
    expect(a?.a.speaker).toBe(b?.a.speaker);
    expect(a?.name).toMatch(/senior official who defected/);
  });

  it("a definite description matches a role given earlier by an appositive", () => {
    const d = build(
      "The union's leader, Bea Holt, addressed the crowd.\n\nThe leader of the union said the strike would go on.",
    );
    expect(d.attributions[0]?.speakerText).toBe("The leader of the union");
    expect(d.entities.find((e) => e.id === d.attributions[0]?.speaker)?.name).toBe("Bea Holt");
  });

  it("“the statement read” resolves to whoever released the statement, and takes its date", () => {
    const d = build(
      "The mayor, Ann Lee, released a statement on Monday saying the plan was dead.\n\n“It is over,” the statement read.",
      {
        published: "2020-06-03",
      },
    );
    expect(speakerOf(d, "It is over")?.name).toBe("Ann Lee");
    expect(speakerOf(d, "It is over")?.a.date).toBe("2020-06-01");
  });

  it.each([
    [
      "according to at the end",
      "The talks failed, according to The Associated Press.",
      "The Associated Press",
      true,
    ],
    ["second-hand via told", "A diplomat told the Guardian that talks failed.", "diplomat", true],
    [
      "outlet reported at the end",
      "The envoy left on Sunday, the A.P. reported.",
      "The Associated Press",
      true,
    ],
    [
      "told the article's own publisher is first-hand",
      "A diplomat told The Times that talks failed.",
      "diplomat",
      false,
    ],
  ])("%s", (_n, text, speaker, secondHand) => {
    const d = build(text, { publisher: "The Washington Times" });
    const a = d.attributions[0];
    expect(a).toBeDefined();
    expect(d.entities.find((e) => e.id === a?.speaker)?.name ?? a?.speakerText).toContain(speaker);
    expect(Boolean(a?.via)).toBe(secondHand);
  });

  it.each([
    ["said that", "The council said that the bridge would close."],
    ["told … that", "A resident told reporters that the water rose fast."],
    ["cue at the end", "The bridge will close next week, officials said Monday."],
    ["which … said", "The offer, which the mayor said was final, was rejected."],
    ["PARC noun", "The news lent weight to comments by officials that the regime is failing."],
    ["denied that", "Councillor Ann Lee denied that any warning had been ignored."],
  ])("indirect: %s", (_n, text) => {
    expect(build(text).attributions.filter((a) => a.kind === "indirect")).toHaveLength(1);
  });

  it.each([
    ["no cue", "The bridge was closed on Monday."],
    ["passive", "He was told to leave."],
    ["noun use of a cue word", "Subsequent reports cast doubt on the visit."],
  ])("not a statement: %s", (_n, text) => {
    expect(build(text).attributions).toHaveLength(0);
  });
});

describe("names", () => {
  it.each([
    ["Gadhafi", "Qaddafi"],
    ["Gaddafi", "Kadafi"],
    ["Mustapha", "Mustafa"],
    ["Mohamed", "Mohammed"],
    ["el-Qaddafi", "Qaddafi"],
  ])("%s and %s share a key", (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it.each([
    ["Issawi", "Eissa"],
    ["Suleiman", "Islam"],
    ["Koussa", "Ghoga"],
  ])("%s and %s do not", (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  const d = build(
    "Col. Muammar el-Qaddafi spoke. Mr. Gadhafi left. Salah Ibrahim Eissa and Salah Mohamed Suleiman met Mohammed Ismail. Mohamed, a spokesman, said the town was calm. Mr. Ismail agreed. Saif al-Islam, Qaddafi's son, stayed.",
  );
  const id = (n: string) => d.entities.find((e) => e.name === n || e.aliases.includes(n))?.id;
  it("merges transliterations and honorific forms", () => {
    expect(id("Gadhafi")).toBe(id("Muammar el-Qaddafi"));
    expect(id("Ismail")).toBe(id("Mohammed Ismail"));
  });
  it.each([
    ["Salah Ibrahim Eissa", "Salah Mohamed Suleiman"],
    ["Mohamed", "Mohammed Ismail"],
    ["Saif al-Islam", "Muammar el-Qaddafi"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(id(a)).toBeDefined();
    expect(id(b)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });
});

describe("cleaning", () => {
  const raw =
    "Skip to: Content\nHeadline here\nA summary line.\nBy Staff writer / April 1, 2011\nA caption of a photo.\nJane Doe/AP\nTripoli, Libya\nFirst &ldquo;para&rdquo; here.\nSkip to next paragraph\nSecond para.\nRead Comments";
  const c = clean(raw);
  it("removes page chrome and keeps it on record", () => {
    expect(c.text).toBe("First “para” here.\n\nSecond para.");
    expect(c.removed.map((r) => r.kind)).toEqual([
      "navigation",
      "headline",
      "summary",
      "byline",
      "photo-caption",
      "photo-credit",
      "dateline",
      "navigation",
      "comments",
    ]);
    expect(c.dateline).toBe("Tripoli, Libya");
  });
  it("maps every cleaned character back to the raw document", () => {
    for (let i = 0; i < c.text.length; i++) {
      const ch = c.text[i] as string;
      if (ch === "\n" || ch === "“" || ch === "”") continue;
      expect(raw[c.rawOffset[i] as number]).toBe(ch);
    }
    expect(raw.slice(c.rawOffset[c.text.indexOf("“")] as number).startsWith("&ldquo;")).toBe(true);
  });
});

describe("dates", () => {
  it.each([
    ["Monday", "2011-07-04", "2011-07-04"],
    ["Sunday", "2011-07-04", "2011-07-03"],
    ["late Thursday", "2011-04-01", "2011-03-31"],
    ["today", "2011-04-01", "2011-04-01"],
    ["yesterday", "2011-04-01", "2011-03-31"],
  ])("%s before %s is %s", (word, ref, expected) => {
    expect(resolveDay(word, ref)).toBe(expected);
  });
});
