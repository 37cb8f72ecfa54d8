// npm run package: builds the extension, then writes the two store packages to artifacts/:
//   source-annotator-<version>-chrome.zip   dist/chrome zipped, manifest.json at the root (Chrome Web Store)
//   source-annotator-<version>-firefox.zip  dist/firefox through `web-ext build` (addons.mozilla.org)
// The Chrome zip is made with zip-dir, the library web-ext itself zips with (a dependency of web-ext).
// Usage: node scripts/package.mjs [--skip-build]  (--skip-build packages the dist/ already built)
// DIST_DIR and ARTIFACTS_DIR package another build (the scale benchmark: dist-10k/ into dist-10k/artifacts).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import webExt from "web-ext";
import zipDir from "zip-dir";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const OUT = process.env.ARTIFACTS_DIR || "artifacts";
const DIST = process.env.DIST_DIR || "dist";
const name = (browser) => `source-annotator-${pkg.version}-${browser}.zip`;
const started = Date.now();

if (!process.argv.includes("--skip-build")) {
  execFileSync(process.execPath, ["build.mjs"], { stdio: "inherit" });
}
for (const dir of [`${DIST}/chrome`, `${DIST}/firefox`]) {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  if (manifest.version !== pkg.version)
    throw new Error(`${dir}/manifest.json is version ${manifest.version}, package.json ${pkg.version}`);
}
mkdirSync(OUT, { recursive: true });

// Chrome: the folder's contents at the zip's root.
const chrome = join(OUT, name("chrome"));
rmSync(chrome, { force: true });
await zipDir(`${DIST}/chrome`, { saveTo: chrome });

// Firefox: web-ext's own packager (it also skips dotfiles and the like).
const firefox = join(OUT, name("firefox"));
await webExt.cmd.build(
  {
    sourceDir: `${DIST}/firefox`,
    artifactsDir: OUT,
    filename: name("firefox"),
    overwriteDest: true,
  },
  { showReadyMessage: false },
);

const kb = (f) => `${(statSync(f).size / 1024).toFixed(1)} KB`;
console.log(
  `packaged v${pkg.version} in ${Date.now() - started} ms: ${chrome} (${kb(chrome)}), ${firefox} (${kb(firefox)})`,
);
