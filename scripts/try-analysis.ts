import { readFileSync } from "node:fs";
import { Window } from "happy-dom";
import { analyseHtml } from "../src/analysis/run";

// The analysis parses with the browser's DOMParser; in Node, happy-dom's.
globalThis.DOMParser ??= new Window().DOMParser as unknown as typeof DOMParser;

const known = JSON.parse(readFileSync("/work/wt-analysis/dist/chrome/data/entities.json", "utf8"));
for (const f of ["harbour-strike", "libya-transition", "qaddafi-sons", "nyt-2024", "section-front"]) {
  const html = readFileSync(`/work/wt-analysis/test/fixtures/pages/analysis/${f}.html`, "utf8");
  const t = performance.now();
  const { reply } = analyseHtml(html, `http://x.example/${f}`, known);
  console.log("==", f, (performance.now() - t).toFixed(0), "ms");
  if (!reply.ok) {
    console.log(reply.reason);
    continue;
  }
  console.log(reply.meta, reply.analysis.entitiesLinked);
  for (const a of reply.analysis.attributions)
    console.log(
      " ",
      a.kind,
      "|",
      a.speaker,
      "|",
      a.speakerText,
      "|",
      a.via,
      "|",
      a.cue,
      "|",
      a.linked,
      "|",
      a.exact.slice(0, 60),
    );
}
