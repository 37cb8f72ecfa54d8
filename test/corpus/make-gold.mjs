// Turns the annotated corpus (test/corpus/annotated/<id>.txt, written by hand) into the plain articles the
// pipeline reads (articles/<id>.txt + <id>.json) and their gold files (gold/<id>.json), and checks the gold.
//
// Annotation, written by the article's author while writing and reading it:
//   ⟦spec¦text⟧  a direct quotation (text = the words between the marks, or a Q&A answer)
//   ⟪spec¦text⟫  a reported statement (text = its content)
//   spec: "Speaker as first fully named" [|anon] [|via=Outlet] · "?" speaker unclear ·
//         "x" scare quote / title: must not be attributed · "-" ignored (a headline, an interviewer's question)
// The first line is "#meta {json}" (publisher, style, headline).
//
// Usage: node test/corpus/make-gold.mjs [--review]   (--review lists cue words outside any annotation)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const root = "test/corpus";
const review = process.argv.includes("--review");
mkdirSync(`${root}/articles`, { recursive: true });
mkdirSync(`${root}/gold`, { recursive: true });
let problems = 0;

function parseSpec(spec) {
  if (spec === "x") return { kind: "x" };
  if (spec === "-") return { kind: "-" };
  if (spec === "?") return { speaker: null, speakerUnclear: true, anonymous: false, via: null };
  const [speaker, ...opts] = spec.split("|");
  const via = opts.find((o) => o.startsWith("via="))?.slice(4) ?? null;
  return { speaker, anonymous: opts.includes("anon"), via };
}

for (const file of readdirSync(`${root}/annotated`)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const id = file.replace(/\.txt$/, "");
  const src = readFileSync(`${root}/annotated/${file}`, "utf8");
  const nl = src.indexOf("\n");
  const meta = JSON.parse(src.slice(0, nl).replace(/^#meta\s*/, ""));
  const body = src.slice(nl + 1).replace(/\s+$/, "\n");
  let text = "";
  const stack = [];
  const gold = { direct: [], indirect: [], notAttributed: [], ignored: [] };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "⟦" || ch === "⟪") {
      const bar = body.indexOf("¦", i);
      stack.push({
        kind: ch === "⟦" ? "direct" : "indirect",
        spec: parseSpec(body.slice(i + 1, bar)),
        start: text.length,
      });
      i = bar;
    } else if (ch === "⟧" || ch === "⟫") {
      const open = stack.pop();
      if (!open || (ch === "⟧") !== (open.kind === "direct"))
        throw new Error(`${id}: unbalanced ${ch} at ${i}`);
      const span = { text: text.slice(open.start, text.length), start: open.start, end: text.length };
      if (open.spec.kind === "x") gold.notAttributed.push(span);
      else if (open.spec.kind === "-") gold.ignored.push(span);
      else {
        const item = {
          ...span,
          speaker: open.spec.speaker,
          anonymous: open.spec.anonymous,
          via: open.spec.via,
        };
        if (open.spec.speakerUnclear) item.speakerUnclear = true;
        gold[open.kind].push(item);
      }
    } else text += ch;
  }
  if (stack.length) throw new Error(`${id}: unclosed annotation`);
  for (const k of Object.keys(gold)) gold[k].sort((a, b) => a.start - b.start);

  // Checks: every quotation mark span is annotated; speakers and outlets occur in the text.
  const covered = (s, e) =>
    [...gold.direct, ...gold.notAttributed, ...gold.ignored].some((g) => g.start < e && g.end > s);
  for (const m of text.matchAll(/“[^”\n]*”|"[^"\n]*"/g)) {
    if (!covered(m.index + 1, m.index + m[0].length - 1)) {
      problems++;
      console.log(`${id}: quotation not in the gold: ${m[0].slice(0, 70)}`);
    }
  }
  for (const g of [...gold.direct, ...gold.indirect]) {
    const key = g.speaker
      ?.split(/\s+/)
      .pop()
      ?.replace(/['’]s$/, "");
    if (g.speaker && !text.toLowerCase().includes(key.toLowerCase())) {
      problems++;
      console.log(`${id}: speaker ${g.speaker} not in the text`);
    }
    if (g.via && !text.includes(g.via)) {
      problems++;
      console.log(`${id}: outlet ${g.via} not in the text`);
    }
  }
  if (review) {
    const all = [...gold.direct, ...gold.indirect, ...gold.notAttributed, ...gold.ignored];
    for (const m of text.matchAll(
      /\b(?:said|says|say|told|tells|added|adds|according to|warned|insisted|insists|claimed|claims|stated|announced|confirmed|denied|argued|explained|noted|wrote|testified|replied)\b/g,
    )) {
      const at = m.index;
      const near = all.some((g) => at >= g.start - 45 && at <= g.end + 30);
      if (!near)
        console.log(
          `${id}: cue outside annotations: …${text.slice(Math.max(0, at - 90), at + 40).replace(/\n/g, " ")}…`,
        );
    }
  }
  writeFileSync(`${root}/articles/${id}.txt`, text);
  writeFileSync(
    `${root}/articles/${id}.json`,
    `${JSON.stringify({ publisher: meta.publisher, headline: meta.headline, style: meta.style }, null, 2)}\n`,
  );
  writeFileSync(`${root}/gold/${id}.json`, `${JSON.stringify(gold, null, 1)}\n`);
}
if (problems) {
  console.log(`${problems} problem(s)`);
  process.exitCode = 1;
}
