// A synthetic corpus for the scale benchmark: N articles (default 10,000) in the format `npm run dataset` reads
// (<id>.txt and <id>.json metadata, as in assets/articles), generated from a seeded PRNG so that every run writes the
// same files. Publishers and their sites follow a long tail (a few large sites, hundreds of small ones), each
// site with its own URL scheme (dated paths, section/year/month, slug-id, query ids, print copies); lengths,
// quotations and speakers vary. The three real articles are copied in (with the curation file left to the
// command line), so that the benchmark can compare a known article at 3 and at N articles.
//
// Usage: node --import tsx scripts/synthetic-corpus.ts [--out build-10k/articles] [--count 10000] [--seed 19]
//        [--no-real]
// The output directory is git-ignored (build-*/); it is emptied first.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { mulberry32 } from "../test/robustness/prng";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "build-10k/articles" },
    count: { type: "string", default: "10000" },
    seed: { type: "string", default: "19" },
    "no-real": { type: "boolean", default: false },
  },
});
const OUT = values.out as string;
const COUNT = Number(values.count);
const rand = mulberry32(Number(values.seed));
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const between = (lo: number, hi: number) => lo + int(hi - lo + 1);

const FIRST = (
  "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph " +
  "Jessica Thomas Sarah Charles Karen Ahmed Fatima Mohamed Aisha Omar Leila Hassan Amina Carlos Maria Jose Ana " +
  "Luis Sofia Pierre Claire Hans Greta Ivan Olga Kenji Yuki Wei Mei Rahul Priya Kwame Ama Tomas Elena"
).split(" ");
const LAST = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson " +
  "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis " +
  "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera " +
  "Campbell Mitchell Carter Roberts Haddad Mansour Khalil Petrov Ivanova Tanaka Sato Chen Wang Okafor Mensah " +
  "Fischer Weber Dubois Laurent Rossi Bianchi Novak Kowalski Larsen Berg"
).split(" ");
const ROLES = [
  "the mayor",
  "a spokesman for the ministry",
  "the finance minister",
  "a senior economist",
  "the company's chief executive",
  "a professor of political science",
  "the union's president",
  "a lawyer for the family",
  "the police chief",
  "a local resident",
  "the committee chairman",
  "a former ambassador",
];
const TITLES = ["Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Gen."];
const ANON = [
  "a senior official who spoke on the condition of anonymity",
  "an aide who was not authorized to speak publicly",
  "people familiar with the talks",
  "a diplomat who asked not to be named",
];
const TOPICS = [
  ["budget", "spending", "taxes", "the deficit", "the council", "the vote"],
  ["the election", "voters", "the campaign", "the polls", "the candidates", "turnout"],
  ["the storm", "the flooding", "residents", "the shelters", "emergency crews", "the river"],
  ["the trial", "the jury", "prosecutors", "the defense", "the verdict", "the judge"],
  ["the factory", "workers", "the plant", "wages", "the strike", "the contract"],
  ["the hospital", "patients", "doctors", "the outbreak", "vaccines", "the clinic"],
  ["the ceasefire", "the rebels", "the government", "the talks", "the border", "refugees"],
  ["the school board", "teachers", "parents", "the district", "the curriculum", "students"],
  ["the bank", "interest rates", "investors", "the market", "inflation", "lenders"],
  ["the team", "the coach", "the season", "the stadium", "fans", "the league"],
];
const VERBS = [
  "said",
  "told reporters",
  "said on Tuesday",
  "said in an interview",
  "added",
  "wrote in a statement",
];
const FUNCTION = "the of and to in a that is was for on with as by at it from the the of to and in".split(
  " ",
);
const FILLER = (
  "officials the city state country week month year plan report program project issue question decision " +
  "policy meeting agreement proposal effort support pressure change growth concern risk problem number " +
  "increase decline public local national new former current recent major several many other early late " +
  "would could should might still already also however because while after before during since"
).split(" ");

/** Site sizes: a long tail — site k gets weight 1/(k+1)^0.9 (a few big publishers, hundreds with a handful). */
const SITES = 400;
const TLDS = ["com", "com", "com", "org", "net", "co.uk", "com.au", "ca", "de", "ie"];
const WORDS = (
  "daily herald tribune courier times post gazette observer chronicle journal ledger record monitor news " +
  "press sentinel star examiner dispatch review register bulletin standard argus beacon citizen voice"
).split(" ");
const PLACES = (
  "river lake valley coast harbor north south east west central metro bay hill summit prairie pine oak " +
  "granite union liberty capital county"
).split(" ");
type Scheme = "dated" | "section-month" | "slug-id" | "query-id" | "year-slug";
interface Site {
  host: string;
  publisher: string;
  scheme: Scheme;
  sections: string[];
  print: boolean;
  weight: number;
}
const sites: Site[] = [];
const hosts = new Set<string>();
for (let k = 0; k < SITES; k++) {
  let host = "";
  let name = "";
  while (!host || hosts.has(host)) {
    const a = pick(PLACES);
    const b = pick(WORDS);
    name = `The ${a[0]?.toUpperCase()}${a.slice(1)} ${b[0]?.toUpperCase()}${b.slice(1)}`;
    host = `${a}${b}${hosts.size % 7 === 0 ? "" : int(90)}.${pick(TLDS)}`;
  }
  hosts.add(host);
  sites.push({
    host,
    publisher: name,
    scheme: pick(["dated", "section-month", "slug-id", "query-id", "year-slug"] as const),
    sections: ["world", "politics", "business", "local", "sports", "health", "opinion"].filter(
      () => rand() < 0.6,
    ),
    print: rand() < 0.3,
    weight: 1 / (k + 1) ** 0.9,
  });
}
const total = sites.reduce((s, x) => s + x.weight, 0);
function pickSite(): Site {
  let r = rand() * total;
  for (const s of sites) {
    r -= s.weight;
    if (r <= 0) return s;
  }
  return sites[0] as Site;
}

// People: one first name per surname (the pipeline takes a surname alone to mean the person named with it), the
// surnames made of syllables so that there are thousands; a long tail again, so that some speak in many articles.
const SYL = "ka ro mi ta ne lo vi sa du be ra zo fe li mo pa te gu ha ni".split(" ");
const PEOPLE = 3000;
const people: string[] = [];
const surnames = new Set<string>();
while (people.length < PEOPLE) {
  const last =
    people.length < LAST.length ? (LAST[people.length] as string) : `${pick(SYL)}${pick(SYL)}${pick(SYL)}`;
  const cap = `${last[0]?.toUpperCase()}${last.slice(1)}`;
  if (surnames.has(cap)) continue;
  surnames.add(cap);
  people.push(`${pick(FIRST)} ${cap}`);
}
const name = () => people[Math.min(PEOPLE - 1, Math.floor(PEOPLE * rand() ** 2))] as string;
const sentence = (topic: string[], n: number) => {
  const ws = Array.from({ length: n }, () => {
    const r = rand();
    return r < 0.2 ? pick(topic) : r < 0.55 ? pick(FUNCTION) : pick(FILLER);
  });
  const s = ws.join(" ");
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
};
const pad = (n: number) => String(n).padStart(2, "0");

function article(i: number): { id: string; txt: string; meta: Record<string, unknown> } {
  const site = sites.length ? pickSite() : (sites[0] as Site);
  const topic = pick(TOPICS);
  const year = between(2005, 2025);
  const month = between(1, 12);
  const day = between(1, 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const speakers = Array.from({ length: between(1, 6) }, () => ({
    name: name(),
    role: pick(ROLES),
    title: pick(TITLES),
  }));
  const paragraphs: string[] = [];
  const n = between(4, 40); // about 150–2,500 words
  for (let p = 0; p < n; p++) {
    const r = rand();
    const s = pick(speakers);
    const last = s.name.split(" ")[1];
    const quote = sentence(topic, between(6, 24)).replace(/\.$/, "");
    if (r < 0.25) paragraphs.push(`“${quote},” ${s.title} ${last} ${pick(VERBS)}.`);
    else if (r < 0.35) paragraphs.push(`“${quote},” said ${s.name}, ${s.role}.`);
    else if (r < 0.45) paragraphs.push(`${s.name}, ${s.role}, said that ${quote.toLowerCase()}.`);
    else if (r < 0.52) paragraphs.push(`According to ${pick(ANON)}, ${quote.toLowerCase()}.`);
    else
      paragraphs.push(Array.from({ length: between(1, 4) }, () => sentence(topic, between(8, 22))).join(" "));
  }
  const slug = paragraphs[0]
    ?.replace(/[^A-Za-z ]/g, "")
    .split(" ")
    .filter(Boolean)
    .slice(0, between(3, 8))
    .join("-")
    .toLowerCase();
  const section = site.sections.length ? pick(site.sections) : "news";
  const num = 100000 + i * 7 + int(7);
  const base = `https://www.${site.host}`;
  let url: string;
  let textCheck: string;
  switch (site.scheme) {
    case "dated":
      url = `${base}/${year}/${pad(month)}/${pad(day)}/${section}/${slug}.html`;
      textCheck = `*://*.${site.host}/${year}/${pad(month)}/*`;
      break;
    case "section-month":
      url = `${base}/${section}/${year}/${pad(month)}${pad(day)}/${slug}`;
      textCheck = `*://*.${site.host}/${section}/${year}/${pad(month)}*`;
      break;
    case "slug-id":
      url = `${base}/${section}/${slug}-${num}`;
      textCheck = `*://*.${site.host}/${section}/*`;
      break;
    case "query-id":
      url = `${base}/article.php?id=${num}&section=${section}`;
      textCheck = `*://*.${site.host}/article.php*`;
      break;
    default:
      url = `${base}/news/${year}/${slug}/`;
      textCheck = `*://*.${site.host}/news/${year}/*`;
  }
  const r = rand();
  // Like the real ones: some articles have known URLs, some only patterns, some only their text to go by.
  const urls = r < 0.6 ? [url, url.replace("https://", "http://")] : [];
  const urlPatterns =
    r >= 0.6 && r < 0.8 && site.scheme !== "query-id"
      ? [`${url.replace(/^https:\/\/www\./, "*://*.").replace(/[?#].*$/, "")}*`]
      : [];
  const textCheckPatterns = [textCheck, ...(site.print ? [`*://*.${site.host}/print/*`] : [])];
  const id = `syn-${site.host.replace(/\./g, "-")}-${date}-${i}`;
  return {
    id,
    txt: `${paragraphs.join("\n\n")}\n`,
    meta: {
      publisher: site.publisher,
      headline: slug?.replace(/-/g, " "),
      published: rand() < 0.85 ? date : "unknown",
      ...(rand() < 0.15 ? { referenceDate: { date, basis: "synthetic" } } : {}),
      byline: rand() < 0.7 ? name() : "unknown",
      dateline: "unknown",
      urls,
      urlPatterns,
      textCheckPatterns,
    },
  };
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let real = 0;
if (!values["no-real"])
  for (const f of readdirSync("assets/articles")) {
    cpSync(join("assets/articles", f), join(OUT, f));
    if (f.endsWith(".txt")) real++;
  }
for (let i = 0; i < COUNT - real; i++) {
  const a = article(i);
  writeFileSync(join(OUT, `${a.id}.txt`), a.txt);
  writeFileSync(join(OUT, `${a.id}.json`), JSON.stringify(a.meta));
}
console.log(`synthetic corpus: ${COUNT} articles (${real} real) over ${SITES} sites in ${OUT}`);
