// End to end: the store packages (npm run package) install into a fresh browser profile and work. Chromium loads
// extensions unpacked only, so its zip is unzipped to a temporary folder; Firefox installs the zip itself as a
// temporary add-on. Recognition is seen from the page alone: the article's CSS highlights are registered.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getExtensionWorker, launchChromium, launchFirefox } from "./browsers";
import { type FixtureServer, startFixtureServer } from "./fixture-server";
import { articleRoutes } from "./helpers";

const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;
const zipPath = (browser: string) => path.resolve(`artifacts/source-annotator-${version}-${browser}.zip`);
const csm = articleRoutes.find((r) => r.expect === "csm-libya-2011-04-01" && r.variant === "canonical")
  ?.url as string;

async function readZip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(file));
}
async function manifestOf(zip: JSZip): Promise<Record<string, unknown> & { icons: Record<string, string> }> {
  return JSON.parse((await zip.file("manifest.json")?.async("string")) ?? "null");
}
/** PNG width × height from its IHDR chunk. */
async function pngSize(zip: JSZip, name: string): Promise<string> {
  const b = Buffer.from((await zip.file(name)?.async("uint8array")) ?? []);
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

/** The CSM article, opened in `page`, gets its highlights: seen from the page alone. */
async function expectRecognised(page: {
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}): Promise<void> {
  await page.goto(csm);
  await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 15_000 }).toBeGreaterThan(0);
}

let server: FixtureServer;
const temp: string[] = [];
beforeAll(async () => {
  // The packages are built from the current sources (a full build takes a second or two).
  execFileSync(process.execPath, ["scripts/package.mjs"], { stdio: "inherit" });
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

describe("packages", () => {
  it("Chrome: manifest at the zip's root, version from package.json, icons 16/32/48/128 at their sizes", async () => {
    const zip = await readZip(zipPath("chrome"));
    const m = await manifestOf(zip);
    expect(m.version).toBe(version);
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings).toBeUndefined();
    for (const size of ["16", "32", "48", "128"]) {
      expect(m.icons[size]).toBeDefined();
      expect(await pngSize(zip, m.icons[size] as string)).toBe(`${size}x${size}`);
    }
  });

  it("Firefox: the gecko id and icons 48/96 at their sizes", async () => {
    const zip = await readZip(zipPath("firefox"));
    const m = (await manifestOf(zip)) as Awaited<ReturnType<typeof manifestOf>> & {
      browser_specific_settings: { gecko: { id: string } };
    };
    expect(m.version).toBe(version);
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    for (const size of ["48", "96"])
      expect(await pngSize(zip, m.icons[size] as string)).toBe(`${size}x${size}`);
  });

  it("Chromium: the unzipped package in a fresh profile recognises the CSM article and has every shortcut", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pkg-chrome-"));
    temp.push(dir);
    const zip = await readZip(zipPath("chrome"));
    for (const [name, entry] of Object.entries(zip.files)) {
      const to = path.join(dir, name);
      if (!to.startsWith(dir + path.sep)) throw new Error(`unsafe path in zip: ${name}`);
      if (entry.dir) mkdirSync(to, { recursive: true });
      else {
        mkdirSync(path.dirname(to), { recursive: true });
        writeFileSync(to, await entry.async("uint8array"));
      }
    }
    const session = await launchChromium({ extensionDir: dir, proxyPort: server.proxyPort });
    try {
      // A suggested key the browser keeps for itself is silently left unassigned (Chromium holds Alt+Shift+N).
      const { worker } = await getExtensionWorker(session.context);
      const commands = await worker.evaluate(() => chrome.commands.getAll());
      const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
        commands: Record<string, { suggested_key: { default: string } }>;
      };
      expect(
        Object.fromEntries(
          commands.filter((c) => c.name !== "_execute_action").map((c) => [c.name, c.shortcut]),
        ),
      ).toEqual(
        Object.fromEntries(
          Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key.default]),
        ),
      );
      await expectRecognised(await session.context.newPage());
    } finally {
      await session.close();
    }
  });

  it("Firefox: the zip installed as it is, in a fresh profile, recognises the CSM article", async () => {
    const session = await launchFirefox({ extensionDir: zipPath("firefox"), proxyPort: server.proxyPort });
    try {
      expect(session.extensionId).toBe("source-annotator@annotator.invalid");
      await expectRecognised(await session.browser.newPage());
    } finally {
      await session.close();
    }
  });
});
