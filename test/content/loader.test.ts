// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://news.example/story"}
// The content script's loader (index.ts) on a publisher's page: only our extension is answered; the status of a
// recognised article; requests handed to the article's session; nothing of the end-to-end hooks in this build.
import { beforeAll, describe, expect, type MockInstance, test, vi } from "vitest";
import type { ArticleSession } from "../../src/content/session";
import { sitePayload } from "../../src/dataset/sites";
import type { Status } from "../../src/model/protocol";
import type { SiteData } from "../../src/model/recognition";
import { fakeHighlights, payloadOf, setPage, targetOf } from "./fakes";

type Listener = (m: unknown, sender: { id?: string }, reply: (r: unknown) => void) => unknown;
const listeners: Listener[] = [];
const sent: unknown[] = [];
let anchoring: MockInstance<ArticleSession["anchor"]>;

beforeAll(async () => {
  setPage();
  fakeHighlights();
  vi.stubGlobal("__E2E__", false);
  vi.stubGlobal("__SAMPLE_PARAMS__", { shingleSize: 5, pageMod: 4 });
  vi.stubGlobal("chrome", {
    runtime: {
      id: "ext-id",
      onMessage: { addListener: (f: Listener) => listeners.push(f), removeListener: () => undefined },
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return (m as { type: string }).type === "note-anchors" ? [] : null;
      },
      getURL: (p: string) => `chrome-extension://ext-id/${p}`,
    },
    storage: {
      local: { get: async () => ({}) },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  });
  const site: SiteData = {
    index: { articles: ["a1"], url: { exact: { "news.example/story": 0 }, patterns: {} } },
    probes: [[]],
    threshold: 1,
    // As the build writes it: the quote prepared, not in its words.
    payloads: { a1: sitePayload(payloadOf([targetOf("t1", "named", "the bridge will open in May")])) },
  };
  window.__sourceAnnotatorSites = [site];
  const { ArticleSession } = await import("../../src/content/session");
  anchoring = vi.spyOn(ArticleSession.prototype, "anchor");
  await import("../../src/content/index");
});

const ask = (m: unknown, sender = { id: "ext-id" }) =>
  new Promise<unknown>((resolve) => {
    for (const f of listeners) f(m, sender, resolve);
    setTimeout(() => resolve("no answer"), 50);
  });

describe("content script loader", () => {
  test("the status of the recognised article, once ready, with no benchmark timings in this build", async () => {
    await vi.waitFor(async () => expect(((await ask({ type: "status" })) as Status).ready).toBe(true));
    const s = (await ask({ type: "status" })) as Status;
    expect(s).toMatchObject({
      articleId: "a1",
      matchedBy: "url",
      anchored: 1,
      orphaned: [],
      host: "news.example",
    });
    expect(s.timings).toBeUndefined();
  });

  test("the first frame's anchoring is told when the task's work began: the recognition counts against its slice", async () => {
    await vi.waitFor(() => expect(anchoring).toHaveBeenCalled());
    const [firstFrame, since] = anchoring.mock.calls[0] ?? [];
    expect(firstFrame).toBe(true);
    expect(since).toBeTypeOf("number");
    expect(since).toBeLessThanOrEqual(performance.now());
  });

  test("another extension, or a message of no known shape, gets no answer", async () => {
    expect(await ask({ type: "status" }, { id: "someone-else" })).toBe("no answer");
    expect(await ask({ type: "e2e-ui" })).toBe("no answer");
    expect(await ask({ type: "status", extra: 1 }, { id: "someone-else" })).toBe("no answer");
  });

  test("a request for the article goes to its session: reveal asks the background for the card", async () => {
    await ask({ type: "reveal", targetId: "t1" });
    await vi.waitFor(() => expect(sent).toContainEqual({ type: "card", articleId: "a1", targetId: "t1" }));
  });
});
