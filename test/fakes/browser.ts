// A fake of the WebExtension API as webextension-polyfill exposes it, for the background's and the extension
// pages' unit tests: listeners
// are kept so a test can call them, storage is a Map, tabs.sendMessage is recorded and answered by a test's
// function, fetch of the extension's own files is served from an object.
import { vi } from "vitest";

type Listener = (...args: never[]) => unknown;

export function fakeBrowser() {
  const listeners = new Map<string, Listener[]>();
  const event = (name: string) => ({
    addListener: (f: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), f]),
    removeListener: (f: Listener) =>
      listeners.set(
        name,
        (listeners.get(name) ?? []).filter((g) => g !== f),
      ),
  });
  const storage = new Map<string, unknown>();
  const tabMessages: { tabId: number; message: unknown }[] = [];
  const state = {
    /** What a tab's content script answers. */
    tabReply: (_tabId: number, _message: unknown): unknown => undefined,
    activeTab: 7 as number | undefined,
    /** What the background answers an extension page. */
    runtimeReply: (_message: unknown): unknown => undefined,
  };
  const runtimeMessages: unknown[] = [];
  /** The content scripts registered through scripting (registerContentScripts). */
  const registered: { id: string; [k: string]: unknown }[] = [];
  const browser = {
    runtime: {
      id: "ext-id",
      getURL: (path: string) => `chrome-extension://ext-id/${path}`,
      getManifest: () => ({
        content_scripts: [{ js: ["content.js"], matches: ["https://news.example/*"] }],
        host_permissions: ["*://*.news.example/*"],
      }),
      sendMessage: vi.fn(async (message: unknown) => {
        runtimeMessages.push(message);
        return state.runtimeReply(message);
      }),
      openOptionsPage: vi.fn(async () => undefined),
      onMessage: event("runtime.onMessage"),
      onInstalled: event("runtime.onInstalled"),
      onStartup: event("runtime.onStartup"),
    },
    tabs: {
      onRemoved: event("tabs.onRemoved"),
      get: async (id: number) => ({ id }),
      query: async () => (state.activeTab === undefined ? [] : [{ id: state.activeTab }]),
      create: vi.fn(async () => ({})),
      sendMessage: async (tabId: number, message: unknown) => {
        tabMessages.push({ tabId, message });
        return state.tabReply(tabId, message);
      },
    },
    storage: {
      local: {
        get: async (key: string) => (storage.has(key) ? { [key]: storage.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, structuredClone(v));
        },
        remove: async (key: string) => void storage.delete(key),
      },
      onChanged: event("storage.onChanged"),
    },
    scripting: {
      executeScript: vi.fn(async () => []),
      getRegisteredContentScripts: async () => structuredClone(registered),
      registerContentScripts: async (scripts: { id: string }[]) => {
        if (scripts.some((s) => registered.some((r) => r.id === s.id)))
          throw new Error("duplicate script id");
        registered.push(...structuredClone(scripts));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        registered.splice(0, registered.length, ...registered.filter((r) => !ids.includes(r.id)));
      },
      updateContentScripts: async (scripts: { id: string }[]) => {
        for (const s of scripts) {
          const r = registered.find((x) => x.id === s.id);
          if (!r) throw new Error(`no script ${s.id}`);
          Object.assign(r, structuredClone(s));
        }
      },
    },
    commands: { onCommand: event("commands.onCommand") },
    contextMenus: { create: vi.fn(), onClicked: event("contextMenus.onClicked") },
  };
  /** Call the listeners of an event; the first answer that is not undefined. */
  const fire = async (name: string, ...args: unknown[]): Promise<unknown> => {
    let answer: unknown;
    for (const f of listeners.get(name) ?? []) {
      const r = await (f as (...a: unknown[]) => unknown)(...args);
      if (answer === undefined) answer = r;
    }
    return answer;
  };
  return { browser, listeners, storage, tabMessages, runtimeMessages, registered, state, fire };
}

/** webextension-polyfill as a module whose default export is whatever `holder.current` is (vi.mock it with this). */
export const polyfillOf = (holder: { current: unknown }) => ({
  default: new Proxy({}, { get: (_t, k) => (holder.current as Record<string | symbol, unknown>)[k] }),
});

/** Serve the extension's own files (`data/…`) to fetch: bytes as they are, anything else as JSON. */
export function serveFiles(files: Record<string, unknown>): void {
  vi.stubGlobal("fetch", async (url: string) => {
    const path = String(url).replace("chrome-extension://ext-id/", "");
    const body = files[path];
    if (body === undefined) return new Response("not found", { status: 404 });
    return new Response(
      body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : JSON.stringify(body),
      {
        status: 200,
      },
    );
  });
}
