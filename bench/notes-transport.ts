// A large export through extension messages, one build at a time: 5,000 notes of 8,000 characters (about 44 MB
// as W3C JSON-LD) imported in five messages, then the `export` op timed from an extension page — one message in a
// build before the parts (src/shared/messaging.ts), the first message and each part in a build with them.
//   node --import tsx bench/notes-transport.ts [<dist dir holding chrome/>]   (default: dist)
// Each run twice in a row (the second is the figure: the first warms the background's code).
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { startFixtureServer } from "../test/e2e/fixture-server";

const dist = process.argv[2] ?? "dist";
const server = await startFixtureServer();
const s = await launchChromium({ extensionDir: `${dist}/chrome`, proxyPort: server.proxyPort });
const { extensionId } = await getExtensionWorker(s.context, 60_000);
const page = await s.context.newPage();
await page.goto(`chrome-extension://${extensionId}/options.html`);
const body = "word ".repeat(1600);
for (let k = 0; k < 5; k++) {
  const items = Array.from({ length: 1000 }, (_, i) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `urn:uuid:00000000-0000-4000-8000-${String(k * 1000 + i).padStart(12, "0")}`,
    type: "Annotation",
    body: { type: "TextualBody", value: body, format: "text/plain" },
    target: {
      source: `https://news.example.org/analysed/${k}`,
      selector: [
        { type: "TextQuoteSelector", exact: "abc" },
        { type: "TextPositionSelector", start: 1, end: 4 },
      ],
    },
    "sa:articleId": `page-0000000${k}`,
  }));
  const text = JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    first: { type: "AnnotationPage", items },
  });
  await page.evaluate(
    async (t) => (await chrome.runtime.sendMessage({ type: "notes", op: { op: "import", text: t } }))?.ok,
    text,
  );
}
for (const round of ["warm-up", "measured"]) {
  const log = await page.evaluate(async () => {
    const out: string[] = [];
    const t0 = performance.now();
    let t = t0;
    const r = await chrome.runtime.sendMessage({ type: "notes", op: { op: "export" } });
    out.push(
      `export op: ${Math.round(performance.now() - t)} ms (${r.parted ? `${r.parted.count} parts follow` : `${r.value.length} characters`})`,
    );
    for (let index = 0; index < (r.parted?.count ?? 0); index++) {
      t = performance.now();
      const p = await chrome.runtime.sendMessage({
        type: "notes",
        op: { op: "part", id: r.parted.id, index },
      });
      out.push(`  part ${index}: ${Math.round(performance.now() - t)} ms (${p.value.length} characters)`);
    }
    out.push(`in all: ${Math.round(performance.now() - t0)} ms`);
    return out;
  });
  console.log(`${dist}, ${round}:\n${log.join("\n")}`);
}
await s.close();
await server.close();
