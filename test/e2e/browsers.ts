// Launchers for end-to-end tests in the real Debian browsers, with an unpacked extension loaded and all
// traffic sent through the fixture server's forward proxy (see fixture-server.ts).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { type BrowserContext, chromium, type Worker } from "playwright-core";
import puppeteer, { type Browser } from "puppeteer-core";

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? "/usr/bin/chromium";
export const FIREFOX_PATH = process.env.E2E_FIREFOX_PATH ?? "/usr/bin/firefox-esr";

export interface ChromiumLaunchOptions {
  /** Unpacked extension directory (the one holding manifest.json). */
  extensionDir?: string;
  /** Port of the fixture server's forward proxy on 127.0.0.1. */
  proxyPort: number;
  /** Default true: there is no display on CI. */
  headless?: boolean;
  /** Profile directory; default a fresh temporary one, removed again on close. */
  userDataDir?: string;
}

export interface ChromiumSession {
  context: BrowserContext;
  userDataDir: string;
  /** Closes the browser and removes the temporary profile (if the launcher made it). */
  close(): Promise<void>;
}

/**
 * Features turned off. Chromium honours only the last --disable-features switch on its command line (they
 * are not merged), so this list replaces playwright's own and repeats what it had, plus what keeps this
 * build's background traffic (on-device model manifest, sign-in account checks, ...) quiet.
 */
export const CHROMIUM_DISABLED_FEATURES = [
  // From playwright-core 1.65's defaults.
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades", // keeps http:// navigations on http:// (the CSM fixture is served on both)
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  // Autofill asks content-autofill.googleapis.com about every page with a form.
  "AutofillServerCommunication",
];

/** Port 9 (discard) on loopback: nothing listens, the connection is refused at once. */
const DEAD_END = "http://127.0.0.1:9";

export const CHROMIUM_ENABLED_FEATURES = ["SkipListAccountsWithoutGaiaCookies"];

/**
 * Chromium via playwright-core, as a persistent context (extensions load only in one).
 *
 * Playwright's default arguments are not used (`ignoreDefaultArgs: true`): they include
 * `--disable-extensions` and a `--disable-features` list that ours would silently replace. Instead the
 * whole command line is spelled out here. Headless: playwright is told `headless: false` and we pass
 * `--headless=new`, which runs the full browser headless (the mode that loads extensions).
 *
 * /usr/bin/chromium is Debian's wrapper script: it adds flags of its own before ours (among them
 * `--enable-remote-extensions` and an empty `--load-extension=`); Chromium keeps the last value of a
 * repeated switch, so ours win.
 */
export async function launchChromium(opts: ChromiumLaunchOptions): Promise<ChromiumSession> {
  const headless = opts.headless ?? true;
  const ownProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), "e2e-chromium-")));
  const args = [
    // Needed by playwright (it talks CDP over fds 3 and 4).
    "--remote-debugging-pipe",
    `--user-data-dir=${userDataDir}`,
    // Network: everything through the fixture proxy, loopback included; no QUIC (it would bypass an HTTP proxy).
    `--proxy-server=http://127.0.0.1:${opts.proxyPort}`,
    "--proxy-bypass-list=<-loopback>",
    "--disable-quic",
    "--ignore-certificate-errors",
    // No background traffic.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-sync",
    "--no-pings",
    "--metrics-recording-only",
    "--disable-breakpad",
    "--disable-field-trial-config",
    "--no-service-autorun",
    `--disable-features=${CHROMIUM_DISABLED_FEATURES.join(",")}`,
    `--enable-features=${CHROMIUM_ENABLED_FEATURES.join(",")}`,
    // This build still asks for the on-device model manifest (component updater, on demand) and for the
    // signed-in accounts (accounts.google.com/ListAccounts) at start and exit; send both to a dead end.
    `--component-updater=url-source=${DEAD_END}/service/update2/json`,
    `--gaia-url=${DEAD_END}`,
    // Quiet, deterministic browser for automation (mostly from playwright's defaults).
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-search-engine-choice-screen",
    "--password-store=basic",
    "--use-mock-keychain",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--disable-back-forward-cache",
    "--disable-hang-monitor",
    "--disable-ipc-flooding-protection",
    "--disable-popup-blocking",
    "--disable-prompt-on-repost",
    "--allow-pre-commit-input",
    "--force-color-profile=srgb",
    "--disable-infobars",
  ];
  if (headless) args.push("--headless=new", "--hide-scrollbars", "--mute-audio");
  if (opts.extensionDir) {
    const dir = path.resolve(opts.extensionDir);
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  } else {
    args.push("--disable-extensions");
  }
  // With all defaults ignored playwright no longer adds the initial page of a persistent context.
  args.push("about:blank");
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    ignoreDefaultArgs: true,
    args,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  let closed: Promise<void> | undefined;
  return {
    context,
    userDataDir,
    close() {
      closed ??= (async () => {
        await context.close().catch(() => undefined);
        if (ownProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      })();
      return closed;
    },
  };
}

/** The extension's MV3 service worker (waiting for it to start if needed) and the extension id. */
export async function getExtensionWorker(
  context: BrowserContext,
  timeoutMs = 15_000,
): Promise<{ worker: Worker; extensionId: string }> {
  const isExtension = (w: Worker): boolean => w.url().startsWith("chrome-extension://");
  let worker = context.serviceWorkers().find(isExtension);
  worker ??= await context.waitForEvent("serviceworker", { predicate: isExtension, timeout: timeoutMs });
  const extensionId = new URL(worker.url()).host;
  // content.js is registered by the background at install (src/background/content-scripts.ts): the pages a test
  // opens need it there. (An extension without data/content-scripts.json, a bench baseline, has nothing to wait for.)
  await worker.evaluate(async (ms) => {
    const res = await fetch(chrome.runtime.getURL("data/content-scripts.json")).catch(() => null);
    if (!res?.ok) return;
    // The entries that wait for a visit to their site are not registered at install.
    const wanted = ((await res.json()) as { site?: string }[]).filter((e) => !e.site).length;
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      const ids = (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
      if (ids.filter((id) => id === "content" || id.startsWith("content-")).length >= wanted) return;
    }
    throw new Error("content.js was not registered");
  }, timeoutMs);
  return { worker, extensionId };
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  proxyPort: number;
  headless?: boolean;
  /** More preferences, over firefoxPrefs(). */
  prefs?: Record<string, unknown>;
  /**
   * A profile folder kept between launches. With it, the extension (a folder) is installed as a regular add-on of
   * that profile, not a temporary one, so it and its data are still there when the browser starts again.
   */
  profileDir?: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** Add-on id of the installed extension (from browser_specific_settings.gecko.id), if one was given. */
  extensionId?: string;
  close(): Promise<void>;
}

/** Preferences that route everything through the fixture proxy and silence Firefox's own traffic. */
export function firefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    // Manual proxy for every scheme, loopback included.
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": proxyPort,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": proxyPort,
    "network.proxy.share_proxy_settings": false,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": true,
    "network.proxy.socks_remote_dns": false,
    "network.dns.disablePrefetch": true,
    "network.prefetch-next": false,
    "network.predictor.enabled": false,
    "network.http.speculative-parallel-limit": 0,
    "network.dns.native_https_query": false,
    "network.trr.mode": 5,
    // Captive portal and connectivity checks.
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "captivedetect.canonicalURL": "",
    // Telemetry, health report, studies.
    "toolkit.telemetry.enabled": false,
    "toolkit.telemetry.unified": false,
    "toolkit.telemetry.archive.enabled": false,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.shutdownPingSender.enabled": false,
    "toolkit.telemetry.firstShutdownPing.enabled": false,
    "toolkit.telemetry.newProfilePing.enabled": false,
    "toolkit.telemetry.updatePing.enabled": false,
    "toolkit.telemetry.bhrPing.enabled": false,
    "datareporting.healthreport.uploadEnabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "datareporting.usage.uploadEnabled": false,
    "app.shield.optoutstudies.enabled": false,
    "app.normandy.enabled": false,
    "app.normandy.api_url": "",
    "browser.ping-centre.telemetry": false,
    "browser.newtabpage.activity-stream.feeds.telemetry": false,
    "browser.newtabpage.activity-stream.telemetry": false,
    "browser.crashReports.unsubmittedCheck.autoSubmit2": false,
    // Updates (application, add-ons, search engines, GMP plugins).
    "app.update.enabled": false,
    "app.update.auto": false,
    "app.update.disabledForTesting": true,
    "app.update.staging.enabled": false,
    "extensions.update.enabled": false,
    "extensions.update.autoUpdateDefault": false,
    "extensions.getAddons.cache.enabled": false,
    "extensions.systemAddon.update.enabled": false,
    "extensions.blocklist.enabled": false,
    "browser.search.update": false,
    "media.gmp-manager.updateEnabled": false,
    "media.gmp-gmpopenh264.enabled": false,
    "media.gmp-widevinecdm.enabled": false,
    // Safe browsing and other lists.
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "browser.safebrowsing.downloads.enabled": false,
    "browser.safebrowsing.downloads.remote.enabled": false,
    "browser.safebrowsing.blockedURIs.enabled": false,
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.safebrowsing.provider.google.updateURL": "",
    "browser.safebrowsing.provider.google4.updateURL": "",
    "browser.safebrowsing.update.enabled": false,
    "privacy.trackingprotection.enabled": false,
    "browser.contentblocking.category": "standard",
    // Remote settings: release builds ignore this pref unless MOZ_REMOTE_SETTINGS_DEVTOOLS=1 is in the
    // environment (set by launchFirefox); this dummy URL is the one Firefox's own test harness uses.
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "services.settings.poll_interval": 86400 * 365,
    // New tab, Pocket, suggestions, sponsored content, recommendations.
    "browser.newtabpage.enabled": false,
    "browser.newtabpage.activity-stream.feeds.section.topstories": false,
    "browser.newtabpage.activity-stream.feeds.system.topstories": false,
    "browser.newtabpage.activity-stream.feeds.topsites": false,
    "browser.newtabpage.activity-stream.showSponsored": false,
    "browser.newtabpage.activity-stream.showSponsoredTopSites": false,
    "browser.newtabpage.activity-stream.default.sites": "",
    "browser.topsites.contile.enabled": false,
    "extensions.pocket.enabled": false,
    "browser.urlbar.suggest.quicksuggest.sponsored": false,
    "browser.urlbar.suggest.quicksuggest.nonsponsored": false,
    "browser.urlbar.quicksuggest.enabled": false,
    "browser.discovery.enabled": false,
    "extensions.htmlaboutaddons.recommendations.enabled": false,
    "browser.aboutHomeSnippets.updateUrl": "",
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "browser.startup.homepage": "about:blank",
    // Misc. background fetches.
    "network.sntp.pools": "",
    "geo.enabled": false,
    "geo.provider.network.url": "",
    "browser.region.network.url": "",
    "browser.region.update.enabled": false,
    "dom.push.enabled": false,
    "dom.push.connection.enabled": false,
    "messaging-system.rsexperimentloader.enabled": false,
    "browser.translations.enable": false,
    "browser.ml.enable": false,
    "identity.fxaccounts.enabled": false,
    "security.OCSP.enabled": 0,
    "security.remote_settings.crlite_filters.enabled": false,
    "security.remote_settings.intermediates.enabled": false,
    "security.certerrors.mitm.priming.enabled": false,
    "browser.tabs.crashReporting.sendReport": false,
    "browser.shell.checkDefaultBrowser": false,
    // Let an unsigned temporary add-on run.
    "xpinstall.signatures.required": false,
    // Keep http:// navigations on http:// (the CSM fixture is served on both).
    "dom.security.https_first": false,
    "dom.security.https_first_schemeless": false,
    "dom.security.https_only_mode": false,
  };
}

/** Firefox via puppeteer-core (WebDriver BiDi), with the extension installed as a temporary add-on. */
export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const profile = opts.profileDir;
  const permanent = profile !== undefined && opts.extensionDir !== undefined;
  // A regular add-on: the packed extension in the profile's extensions folder, named by its gecko id, and the
  // preferences that let Firefox ESR enable an unsigned add-on found there.
  if (permanent) await installInProfile(opts.extensionDir as string, profile);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    acceptInsecureCerts: true,
    ...(profile ? { userDataDir: profile } : {}),
    extraPrefsFirefox: {
      ...firefoxPrefs(opts.proxyPort),
      ...(permanent ? { "extensions.autoDisableScopes": 0, "extensions.enabledScopes": 15 } : {}),
      ...opts.prefs,
    },
    defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
  });
  let extensionId: string | undefined;
  try {
    if (permanent) extensionId = geckoId(opts.extensionDir as string);
    else if (opts.extensionDir) extensionId = await browser.installExtension(path.resolve(opts.extensionDir));
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    browser,
    extensionId,
    close() {
      closed ??= browser.close().catch(() => undefined);
      return closed;
    },
  };
}

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, "manifest.json"), "utf8"));
  return manifest.browser_specific_settings.gecko.id;
}

async function installInProfile(extensionDir: string, profile: string): Promise<void> {
  const into = path.join(profile, "extensions");
  mkdirSync(into, { recursive: true });
  const zip = new JSZip();
  for (const file of readdirSync(extensionDir, { recursive: true, encoding: "utf8" })) {
    const from = path.join(extensionDir, file);
    if (statSync(from).isFile()) zip.file(file.split(path.sep).join("/"), readFileSync(from));
  }
  const xpi = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  writeFileSync(path.join(into, `${geckoId(extensionDir)}.xpi`), xpi);
}
