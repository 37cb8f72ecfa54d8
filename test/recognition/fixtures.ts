// Fixtures for the recognition tests: the three real articles, fake page chrome, related coverage
// written for these tests, and a seeded generator of synthetic articles.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeHTML } from "entities";
import { mulberry32 } from "../robustness/prng";

/** The captures, verbatim, as the project keeps them (assets/articles/<id>.txt). */
const ARTICLES = fileURLToPath(new URL("../../assets/articles/", import.meta.url));

function seed(id: string): string {
  return readFileSync(join(ARTICLES, `${id}.txt`), "utf8");
}

/** The capture as a browser shows it (entities decoded), trailing spaces trimmed. */
function asShown(raw: string): string {
  return decodeHTML(raw)
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}

/** Lines of the CSM capture that are page chrome, not article text (see the seeds' README). */
const CSM_CHROME = [
  /^Skip to/,
  /^Read Comments$/,
  /^View reader comments/,
  /^Ben Curtis\/AP$/,
  /^Mustafa Abdul-Jalil \(center/,
];

export interface RealArticle {
  id: string;
  /** What the browser shows on the captured page, chrome included. */
  page: string;
  /** The cleaned article text, as the dataset would hold it. */
  text: string;
  urls: string[];
  urlPatterns: string[];
}

export function realArticles(): RealArticle[] {
  const wt = asShown(seed("wt-libya-2011-04"));
  const nyt = asShown(seed("nyt-libya-2011-07"));
  const csm = asShown(seed("csm-libya-2011-04-01"));
  const csmText = csm
    .split(/\n+/)
    .filter((l) => !CSM_CHROME.some((re) => re.test(l)))
    .join("\n\n");
  const csmUrl =
    "www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
  return [
    // The exact URLs of the WT and NYT articles are not known: these are made-up test URLs.
    {
      id: "wt-libya-2011-04",
      page: wt,
      text: wt,
      urls: ["https://www.washingtontimes.com/news/2011/apr/4/test-slug/?page=3"],
      urlPatterns: [],
    },
    {
      id: "nyt-libya-2011-07",
      page: nyt,
      text: nyt,
      urls: ["https://www.nytimes.com/2011/07/05/world/africa/05test.html"],
      urlPatterns: ["*://*.nytimes.com/2011/07/05/world/africa/05test.html*"],
    },
    {
      id: "csm-libya-2011-04-01",
      page: csm,
      text: csmText,
      urls: [`http://${csmUrl}`, `https://${csmUrl}`],
      urlPatterns: ["*://*.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire*"],
    },
  ];
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1) (the one the robustness suites use). */
export const prng = mulberry32;

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** A vocabulary: the words of the real articles (so synthetic text shares their common words) plus made-up ones. */
export function vocabulary(size = 6000): string[] {
  const words = new Set<string>();
  for (const a of realArticles())
    for (const w of a.text.match(/[A-Za-z]+/g) ?? []) words.add(w.toLowerCase());
  const rand = prng(7);
  const syllables = [
    "ka",
    "lo",
    "ri",
    "sen",
    "tor",
    "mal",
    "ve",
    "dun",
    "pha",
    "qu",
    "ez",
    "bra",
    "ni",
    "o",
    "st",
  ];
  while (words.size < size) {
    let w = "";
    for (let n = 2 + Math.floor(rand() * 3); n > 0; n--) w += pick(rand, syllables);
    words.add(w);
  }
  return [...words];
}

/** Word sequences with a skewed (Zipf-like) word frequency, so common words recur as in real text. */
export function randomSentence(rand: () => number, vocab: readonly string[], min = 6, max = 24): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const ws: string[] = [];
  for (let i = 0; i < n; i++) ws.push(vocab[Math.floor(vocab.length * rand() ** 2.5)] as string);
  const s = ws.join(" ");
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
}

/** A synthetic article of about `words` words, paragraphs of 2–4 sentences separated by blank lines. */
export function syntheticArticle(rand: () => number, vocab: readonly string[], words: number): string {
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = 2 + Math.floor(rand() * 3); s > 0 && count < words; s--) {
      const sentence = randomSentence(rand, vocab);
      count += sentence.split(" ").length;
      sentences.push(sentence);
    }
    paras.push(sentences.join(" "));
  }
  return paras.join("\n\n");
}

const NAV =
  "Home World U.S. Politics Business Technology Opinion Sports Arts Travel | Sign in | Subscribe | Search";
const ADS = [
  "Advertisement",
  "Story continues below advertisement",
  "Subscribe today: unlimited digital access for just $1 a week. Cancel anytime.",
  "Sponsored: These 10 family cars are cheaper to run than you think",
  "Skip to next paragraph",
  "Related: Live updates from the region",
];
const POPULAR = [
  "Most popular",
  "1. Markets slide as oil prices climb for a third day",
  "2. Opinion: What the stalemate in Libya means for NATO",
  "3. Photos: Refugees gather at the Tunisian border",
  "4. The best budget laptops of the year, tested",
  "5. City council delays vote on the new stadium",
];
const COMMENT_OPENERS = [
  "Great reporting, thank you.",
  "I don't buy any of this.",
  "Who is really in charge here?",
  "This is exactly what everyone predicted months ago.",
  "Reply",
  "Report abuse",
];

/**
 * The article as a page shows it: navigation, headline area, an ad after every `adsEvery` paragraphs,
 * a "most popular" box, share links, and a comments section `commentsFactor` times the article's length.
 */
export function inChrome(
  article: string,
  rand: () => number,
  vocab: readonly string[],
  { adsEvery = 2, commentsFactor = 4 } = {},
): string {
  const paras = article.split(/\n+/);
  const body: string[] = [];
  paras.forEach((p, i) => {
    body.push(p);
    if (i % adsEvery === adsEvery - 1) body.push(pick(rand, ADS));
  });
  const comments: string[] = [`${Math.floor(rand() * 900) + 100} Comments`, "Sort by: Newest | Oldest | Top"];
  let length = 0;
  while (length < article.length * commentsFactor) {
    const c = `user${Math.floor(rand() * 9999)} · ${1 + Math.floor(rand() * 23)}h ago\n${pick(rand, COMMENT_OPENERS)} ${randomSentence(rand, vocab)} ${randomSentence(rand, vocab)}`;
    comments.push(c);
    length += c.length;
  }
  return [
    NAV,
    "World › Middle East",
    "Share: Facebook Twitter Email Print",
    ...body,
    ...POPULAR,
    ...comments,
    "© 2011 All rights reserved. Terms of use | Privacy policy",
  ].join("\n");
}

/** The article with about one word in `every` replaced and its paragraphs shuffled. */
export function edited(article: string, rand: () => number, vocab: readonly string[], every = 25): string {
  const paras = article.split(/\n+/).map((p) =>
    p
      .split(" ")
      .map((w) => (rand() < 1 / every ? pick(rand, vocab) : w))
      .join(" "),
  );
  for (let i = paras.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [paras[i], paras[j]] = [paras[j] as string, paras[i] as string];
  }
  return paras.join("\n\n");
}

// Related coverage, written for these tests: the same events in other words, and stories that quote a
// sentence or two of one of the articles verbatim (the quoted sentences are marked with ⟦⟧ here only
// for the reader of this file; the markers are removed before use).

export const RELATED: Record<string, string> = {
  "same events (April, ceasefire offer)": `
Benghazi, Libya — Libya's opposition put forward terms for a truce on Friday while government troops pressed their advantage along the coast road, retaking towns the rebels had held only days earlier.

Mustafa Abdul-Jalil, who leads the rebels' interim council, told reporters that fighting could stop if Col. Muammar Qaddafi withdrew his forces from the cities and let people demonstrate freely. Government spokesmen dismissed the proposal within hours.

The offer came as Britain weighed what the defection of Moussa Koussa, the former foreign minister, might reveal about divisions in the leader's inner circle. Officials in London said they were talking to several Libyans close to the regime but declined to give details.

In Misurata, the only large western city still in rebel hands, residents described shelling and sniper fire and warned that food and medicine were running short. Doctors said the main hospital could not cope with the wounded.

Analysts said the rebels, poorly armed and loosely commanded, depended on allied air power and would struggle to advance toward Tripoli without it.`,

  "same events (July, offer to let Qaddafi stay)": `
Zintan, Libya — A suggestion by the head of the rebel council that Muammar Qaddafi might be allowed to remain in Libya after giving up power drew angry reactions across the western mountains this week.

The council later said its chairman had been describing an old idea rather than present policy, and insisted that the Libyan leader would have to answer for his crimes before a court.

Families who fled the fighting around Kiklah and other mountain towns said any deal that left the colonel in the country would betray those who had died. "We lost our houses and our sons," said one man waiting for aid outside a school used as a shelter.

Turkey's foreign minister, visiting Benghazi, pledged financial help and described the council as the legitimate voice of the Libyan people, adding to a growing list of governments that have recognized the rebels.`,

  "quotes one sentence of the NYT article": `
Tripoli, Libya — The rebel council moved on Monday to limit the damage from its chairman's remarks about the colonel's future. ⟦I would like to confirm that there is absolutely no current or future possibility for Qaddafi to remain in Libya,⟧ the statement read. Diplomats in the region said the episode showed how hard it was for the council to speak with one voice, and several of them expected further talks through the United Nations envoy in the coming weeks.`,

  "quotes two sentences of the CSM article": `
London — British ministers declined on Thursday to say how much contact they had with members of the Libyan government, as the arrival of a defector fed speculation about talks. ⟦The British Foreign Office said it would not “provide a running commentary” on its contacts with senior Libyans, though a western diplomatic source told the Guardian: “There has been increasing evidence recently that the sons want a way out.”⟧ Opposition politicians urged the government to explain its strategy. ⟦British Prime Minister David Cameron has said Koussa’s defection shows “fear right at the very top of the crumbling and rotten Qaddafi regime.”⟧ A spokesman for the prime minister would not be drawn on whether other officials were expected to follow.`,

  "quotes one sentence of the WT article": `
Washington — Opposition figures reached by telephone on Tuesday rejected any arrangement that would leave members of the Libyan government in place. ⟦“There will be no going back at this point. Too much blood has been spilled,”⟧ one of them said, asking not to be named. Officials at the State Department said they were studying the latest messages from Tripoli but saw no sign of a genuine ceasefire.`,
};

export function relatedText(name: string): string {
  return (RELATED[name] ?? "").replace(/[⟦⟧]/g, "").trim();
}
