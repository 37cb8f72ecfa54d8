// Builds the extension for Chromium (dist/chrome) and Firefox (dist/firefox) from one manifest.json:
// runs the dataset pipeline, splits the dataset into per-article payloads loaded on demand, bundles the
// scripts with esbuild. Usage: node build.mjs [--skip-dataset] [--e2e]; NO_MINIFY=1 keeps the bundles readable
// (for CPU profiles).
// Another dataset, built by the same pipeline into its own folders (the scale benchmark, bench/scale.ts):
//   ARTICLES=build-10k/articles BUILD_DIR=build-10k DIST_DIR=dist-10k node build.mjs
// ARTICLES is the folder of .txt/.json articles (default assets/articles, with assets/curation.json; CURATION names
// another curation file, or "none"), BUILD_DIR the intermediate folder (default build), DIST_DIR the folder that gets
// chrome/ and firefox/ (default dist). Unset, the build is the default one.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { tsImport } from "tsx/esm/api";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const BUILD = process.env.BUILD_DIR || "build";
const DIST = process.env.DIST_DIR || "dist";
const ARTICLES = process.env.ARTICLES || "assets/articles";
const CURATION = process.env.CURATION || "assets/curation.json";
const skipDataset = process.argv.includes("--skip-dataset");
// --e2e also writes dist/firefox-e2e and dist/chrome-e2e: the builds plus the hooks the end-to-end tests need (an
// extension page opened at install, for Firefox's driver; our closed UI's boxes and state, for both drivers).
const e2e = process.argv.includes("--e2e");
// --timings compiles the content script's benchmark timings (src/content/timings.ts) into dist/chrome and
// dist/firefox (npm run bench); the end-to-end builds always have them; a product build never does.
const timingsOn = process.argv.includes("--timings");

// 1. The dataset, from the bundled articles and the curation file.
mkdirSync(BUILD, { recursive: true });
if (!skipDataset) {
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/dataset/cli.ts",
      "--in",
      ARTICLES,
      "--out",
      `${BUILD}/dataset.json`,
      ...(CURATION === "none" ? ["--no-curation"] : ["--curation", CURATION]),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}
const dataset = JSON.parse(readFileSync(`${BUILD}/dataset.json`, "utf8"));

// Per-article views (payload for the content script, cards, sidebar), built by the same TypeScript the tests use.
const { buildArticleViews, buildElsewhereIndex, buildSpeakerIndex, dateOf } = await tsImport(
  "./src/dataset/article-views.ts",
  import.meta.url,
);
const views = dataset.articles.map((a) => buildArticleViews(dataset, a.id));
// "What else this speaker said" and where else a name is, once per speaker and per name, in shards the background
// reads when a card opens (docs/decisions/0012-scale.md).
const passageShards = {
  speakers: buildSpeakerIndex(dataset).shards.map((s) => JSON.stringify(s)),
  elsewhere: buildElsewhereIndex(dataset).shards.map((s) => JSON.stringify(s)),
};
// The dataset's named entities with a few passages each, to link the speakers of analysed pages (src/analysis/).
const { knownEntities } = await tsImport("./src/dataset/known.ts", import.meta.url);
const { knownStatements } = await tsImport("./src/dataset/known.ts", import.meta.url);
const entitiesJson = JSON.stringify(knownEntities(dataset));
const statementsJson = JSON.stringify(knownStatements(dataset));
const articleIndex = dataset.articles.map((a) => ({
  id: a.id,
  publisher: a.publisher,
  headline: a.headline,
  urls: a.urls,
  dateLabel: dateOf(a).label,
}));

// 2. Scripts.
/**
 * Extension pages show the reader's note bodies: no component may ever insert raw HTML. Preact's only path to
 * innerHTML is `dangerouslySetInnerHTML`, which this project never uses; the build makes it throw instead, so
 * the bundles contain no HTML sink at all (and web-ext lint has nothing to warn about).
 */
const noRawHtml = {
  name: "no-raw-html",
  setup(b) {
    b.onLoad({ filter: /preact[\\/]dist[\\/]preact\.mjs$/ }, async ({ path }) => {
      const src = readFileSync(path, "utf8");
      const sink = /(\w+)\.innerHTML=(\w+)\.__html/g;
      if (!sink.test(src)) throw new Error("preact's dangerouslySetInnerHTML sink moved: update build.mjs");
      return {
        contents: src.replace(sink, '(()=>{throw Error("dangerouslySetInnerHTML is disabled")})()'),
        loader: "js",
      };
    });
  },
};
/**
 * The any-article analysis (src/analysis/) runs Readability on documents parsed by DOMParser (inert: no script
 * runs, nothing loads) in the analysis bundle. Two places in Readability set an HTML string with `.innerHTML =`
 * (its retry and <noscript> paths), on nodes of that parsed document. They parse the string with DOMParser
 * instead and move the nodes in, so the bundles hold no innerHTML assignment that a reviewer (or web-ext lint)
 * must check is not on the page's DOM.
 */
const readabilityHtmlSetters = {
  name: "readability-html-setters",
  setup(b) {
    const from = ["page.innerHTML = pageCacheHtml;", "tmp.innerHTML = noscript.innerHTML;"];
    const to = ["__setHtml(page, pageCacheHtml);", "__setHtml(tmp, noscript.innerHTML);"];
    const head = `function __setHtml(el, html) {
  var parsed = new DOMParser().parseFromString("<!doctype html><body>" + html, "text/html").body;
  el.replaceChildren.apply(el, Array.from(parsed.childNodes, function (n) { return el.ownerDocument.adoptNode(n); }));
}\n`;
    b.onLoad({ filter: /@mozilla[\\/]readability[\\/]Readability\.js$/ }, async ({ path }) => {
      let src = readFileSync(path, "utf8");
      from.forEach((f, i) => {
        if (!src.includes(f))
          throw new Error(`${path}: "${f}" moved: update build.mjs (readability-html-setters)`);
        src = src.replace(f, to[i]);
      });
      return { contents: head + src, loader: "js" };
    });
  },
};
/** `import("/analysis.js")` (src/analysis/background.ts) stays an import at run time (tsconfig's "paths" map it to
 *  engine.ts for the types only). */
const analysisModule = {
  name: "analysis-module",
  setup(b) {
    b.onResolve({ filter: /^\/analysis\.js$/ }, ({ path }) => ({ path, external: true }));
  },
};
const common = {
  bundle: true,
  minify: !process.env.NO_MINIFY,
  target: ["chrome120", "firefox140"],
  logLevel: "warning",
  legalComments: "none",
  jsx: "automatic",
  jsxImportSource: "preact",
};
// The index's sampling parameters, compiled into content.js so that a page sends its text sample with its first
// message (two numbers, whatever the dataset's size).
const recognitionJson = readFileSync(`${BUILD}/dataset.recognition.json`, "utf8");
const { shingleSize, pageMod } = JSON.parse(recognitionJson).text;
// Shipped as JSON plus a binary file of the postings (src/recognition/index.ts packIndex).
const { packIndex } = await tsImport("./src/recognition/index.ts", import.meta.url);
const recognitionPacked = packIndex(JSON.parse(recognitionJson));
const { TIMINGS_BANNER } = await tsImport("./bench/timings-banner.ts", import.meta.url);
/** Bundle every context into `outdir`; `e2eHooks` compiles in the end-to-end tests' hooks, `timings` the
 *  benchmark's timings. */
async function bundle(outdir, e2eHooks, timings) {
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: {
      content: "src/content/index.ts",
      status: "src/content/status.ts",
      asked: "src/content/asked.ts",
      site: "src/content/site.ts",
      // Our UI in the page, injected on first need (src/content/page-ui-loader.ts).
      "page-ui": "src/content/page-ui-entry.ts",
      popup: "src/popup/main.tsx",
      options: "src/options/main.tsx",
      sidebar: "src/sidebar/main.tsx",
      notes: "src/notes-page/main.tsx",
      // Chrome's offscreen document: the analysis, loaded only when one runs (src/analysis/background.ts).
      offscreen: "src/analysis/offscreen.ts",
    },
    format: "iife",
    plugins: [noRawHtml, readabilityHtmlSetters],
    define: {
      __E2E__: String(e2eHooks),
      __TIMINGS__: String(timings),
      __SAMPLE_PARAMS__: JSON.stringify({ shingleSize, pageMod }),
    },
    // What tells the benchmark a build with the timings from one without (bench/timings-banner.ts).
    ...(timings ? { banner: { js: TIMINGS_BANNER } } : {}),
    outdir,
  });
  // The background, once per browser: Chrome's runs the analysis in an offscreen document, Firefox's event page
  // imports the analysis bundle (an ES module, left to the browser: external).
  for (const [name, offscreen] of [
    ["background", true],
    ["background-firefox", false],
  ])
    await esbuild.build({
      ...common,
      entryPoints: { [name]: "src/background/index.ts" },
      format: "iife",
      plugins: [noRawHtml, analysisModule],
      define: {
        __E2E__: String(e2eHooks),
        __TIMINGS__: String(timings),
        __OFFSCREEN__: String(offscreen),
      },
      outdir,
    });
  // Firefox's event page imports the same analysis as an ES module on the first analysis.
  await esbuild.build({
    ...common,
    entryPoints: { analysis: "src/analysis/engine.ts" },
    format: "esm",
    plugins: [readabilityHtmlSetters],
    outdir,
  });
}

// 3. Where each content script runs (src/dataset/sites.ts): on a site the articles' textCheckPatterns name,
// content.js and the site's data file only where an article could be, status.js (a status answer, nothing else)
// everywhere else; on the other declared sites (archives) content.js everywhere, asking the background.
// The site data files share the injected-script budget with content.js (src/dataset/sites.ts), so they are cut
// once content.js is bundled.
const {
  siteScripts,
  siteDataScript,
  siteFile,
  contentScriptEntries,
  statusExcludes,
  INJECTED_BUDGET,
  HIGHLIGHT_SHEET_FILE,
} = await tsImport("./src/dataset/sites.ts", import.meta.url);
const { highlightSheet } = await tsImport("./src/model/kinds.ts", import.meta.url);
const { parseUrlPattern } = await tsImport("./src/recognition/url.ts", import.meta.url);
const { firstPaintNames } = await tsImport("./src/model/visibility.ts", import.meta.url);
let sites = [];
/**
 * Where each script runs. The manifest declares status.js on the publishers' sites, every page of them; content.js
 * and the site data files are registered by the background at install (src/background/content-scripts.ts) from
 * data/content-scripts.json (`contentScriptEntries`, src/dataset/sites.ts). status.js leaves out the addresses where
 * those run content.js at install (`statusExcludes`); where it still runs after content.js (the sites not visited
 * yet at scale), content.js has marked the page as its own and status.js does nothing.
 */
function contentScripts(declared) {
  const archive = (m) => parseUrlPattern(m).host === "web.archive.org";
  const excludes = statusExcludes(sites);
  return {
    registered: contentScriptEntries(sites, declared.matches.some(archive)),
    declared: [
      {
        ...declared,
        matches: declared.matches.filter((m) => !archive(m)),
        js: ["status.js"],
        ...(excludes.length ? { exclude_matches: excludes } : {}),
      },
    ],
  };
}

// 4. One folder per browser.
function writeBrowser(browser, out, scripts) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "data", "articles"), { recursive: true });
  mkdirSync(join(out, "data", "sites"), { recursive: true });
  for (const site of sites)
    if (site.data) writeFileSync(join(out, siteFile(site)), siteDataScript(site.data));
  writeFileSync(join(out, HIGHLIGHT_SHEET_FILE), highlightSheet());
  // The highlight switches a known article's first paint reads, one file per setting (src/background/first-paint.ts).
  mkdirSync(join(out, "switches"));
  for (const name of firstPaintNames())
    writeFileSync(join(out, "switches", `${name}.js`), `globalThis.__sourceAnnotatorSwitches = "${name}";\n`);
  cpSync(scripts, out, { recursive: true });
  // The analysis bundle: an offscreen document's script in Chrome, a module the event page imports in Firefox.
  rmSync(join(out, browser === "firefox" ? "offscreen.js" : "analysis.js"));
  if (browser === "firefox") cpSync(join(out, "background-firefox.js"), join(out, "background.js"));
  rmSync(join(out, "background-firefox.js"));
  if (browser === "chrome") cpSync("src/analysis/offscreen.html", join(out, "offscreen.html"));
  cpSync("assets/icons", join(out, "icons"), { recursive: true });
  for (const f of [
    "src/popup/popup.html",
    "src/options/options.html",
    "src/sidebar/sidebar.html",
    "src/notes-page/notes.html",
    "src/shared/ui.css",
  ])
    cpSync(f, join(out, f.split("/").pop()));
  writeFileSync(join(out, "data", "recognition.json"), recognitionPacked.json);
  writeFileSync(join(out, "data", "recognition.bin"), recognitionPacked.bin);
  writeFileSync(join(out, "data", "articles.json"), JSON.stringify(articleIndex));
  writeFileSync(join(out, "data", "entities.json"), entitiesJson);
  writeFileSync(join(out, "data", "statements.json"), statementsJson);
  for (const [index, list] of Object.entries(passageShards)) {
    mkdirSync(join(out, "data", index), { recursive: true });
    for (const [i, json] of list.entries()) writeFileSync(join(out, "data", index, `${i}.json`), json);
  }
  for (const v of views) {
    const id = v.payload.article.id;
    writeFileSync(join(out, "data", "articles", `${id}.json`), JSON.stringify(v.payload));
    writeFileSync(
      join(out, "data", "articles", `${id}.views.json`),
      JSON.stringify({ cards: v.cards, sidebar: v.sidebar }),
    );
  }

  const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
  manifest.version = pkg.version;
  const { declared, registered } = contentScripts(manifest.content_scripts[0]);
  manifest.content_scripts = declared;
  writeFileSync(join(out, "data", "content-scripts.json"), JSON.stringify(registered));
  // Where content scripts run: there the background registers content.js, injects our UI's code on its first need,
  // and, on the publishers' sites, content.js on an article page the dataset does not hold (scripting.executeScript
  // needs the host; content scripts there already read it, so no new warning).
  manifest.host_permissions = [...declared, ...registered]
    .flatMap((c) => c.matches)
    .map((m) => m.replace(/^(\*:\/\/[^/]+\/).*/, "$1*"))
    .filter((m, i, all) => all.indexOf(m) === i);
  // End-to-end builds: the fixture hosts of "other sites" (*.example), standing for the access the reader grants
  // with "Analyse this page" (activeTab), which no driver can give a headless browser.
  if (scripts.includes("e2e")) manifest.host_permissions.push("*://*.example/*");
  if (browser === "firefox") {
    manifest.background = { scripts: ["background.js"] };
    manifest.browser_specific_settings.gecko.data_collection_permissions = { required: ["none"] };
    manifest.browser_specific_settings.gecko_android = { strict_min_version: "142.0" };
  } else {
    delete manifest.browser_specific_settings;
    // The analysis's offscreen document (no install warning); Firefox has no such API.
    manifest.permissions.push("offscreen");
    // A fresh URL per session, so pages cannot probe for the extension by loading the sidebar.
    for (const w of manifest.web_accessible_resources) w.use_dynamic_url = true;
  }
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

await bundle(`${BUILD}/scripts`, false, timingsOn);
/** The product's content.js (bytes): the site data share the budget with it, whatever a build compiles in besides
 *  or leaves readable (the benchmark's timings, NO_MINIFY), so that every build carries the same data files (a
 *  NO_MINIFY content.js alone is over the budget). The bundle just built is the product's when it is neither. */
async function productContentBytes() {
  if (!timingsOn && common.minify) return readFileSync(`${BUILD}/scripts/content.js`).length;
  const r = await esbuild.build({
    ...common,
    minify: true,
    entryPoints: ["src/content/index.ts"],
    format: "iife",
    define: {
      __E2E__: "false",
      __TIMINGS__: "false",
      __SAMPLE_PARAMS__: JSON.stringify({ shingleSize, pageMod }),
    },
    write: false,
  });
  return r.outputFiles[0].contents.length;
}
sites = siteScripts(
  dataset.articles,
  new Map(views.map((v) => [v.payload.article.id, v.payload])),
  INJECTED_BUDGET - (await productContentBytes()),
);
writeBrowser("chrome", `${DIST}/chrome`, `${BUILD}/scripts`);
writeBrowser("firefox", `${DIST}/firefox`, `${BUILD}/scripts`);
if (e2e) {
  await bundle(`${BUILD}/scripts-e2e`, true, true);
  writeBrowser("firefox", `${DIST}/firefox-e2e`, `${BUILD}/scripts-e2e`);
  writeBrowser("chrome", `${DIST}/chrome-e2e`, `${BUILD}/scripts-e2e`);
}
const size = (f, dir = join(DIST, "chrome")) => readFileSync(join(dir, f)).length;
console.log(
  `built ${DIST}/chrome and ${DIST}/firefox (v${pkg.version}): content.js ${(size("content.js") / 1024).toFixed(1)} KB, background.js ${(size("background.js") / 1024).toFixed(1)} KB, analysis ${(size("offscreen.js") / 1024).toFixed(1)} KB (chrome offscreen.js) / ${(size("analysis.js", join(DIST, "firefox")) / 1024).toFixed(1)} KB (firefox analysis.js)`,
);
