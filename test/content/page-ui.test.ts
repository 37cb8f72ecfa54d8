// @vitest-environment happy-dom
// Our UI in the page: the host that comes back when the page removes it (until the session ends), and the
// sidebar frame whose address carries only a nonce registered with the background first.
import { afterEach, describe, expect, test, vi } from "vitest";

const sent = vi.hoisted(() => {
  const sent: unknown[] = [];
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      id: "ext",
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return true;
      },
      getURL: (p: string) => `chrome-extension://ext/${p}`,
    },
  };
  return sent;
});

import { PageUi } from "../../src/content/page-ui";
import { SidebarFrame } from "../../src/content/sidebar-frame";

const hosts = () => [...document.documentElement.children].filter((e) => e.hasAttribute("data-sa-ignore"));
const actions = { reveal: () => undefined, addNote: () => undefined };

afterEach(() => {
  sent.length = 0;
  for (const h of hosts()) h.remove();
});

describe("PageUi", () => {
  test("a host the page removes or restyles comes back as it was; after destroy it is gone for good", async () => {
    const ui = new PageUi(actions);
    const [host] = hosts();
    expect(host).toBeDefined();
    host?.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(hosts()).toEqual([host]);
    (host as HTMLElement).style.display = "none";
    await new Promise((r) => setTimeout(r, 0));
    expect((host as HTMLElement).style.display).toBe("block");
    ui.destroy();
    await new Promise((r) => setTimeout(r, 0));
    expect(hosts()).toEqual([]);
  });

  test("only the host is ours to the page: what is inside is in a closed root", () => {
    const ui = new PageUi(actions);
    const [host] = hosts();
    expect(host?.shadowRoot).toBeNull();
    expect(ui.contains(host ?? null)).toBe(true);
    expect(ui.contains(document.body)).toBe(false);
    ui.destroy();
  });
});

describe("SidebarFrame", () => {
  test("the nonce is registered with the background before the frame's address is set, and is all it carries", async () => {
    const root = document.createElement("div").attachShadow({ mode: "open" });
    const frame = new SidebarFrame(root, () => undefined);
    frame.open({ note: "n1" });
    const iframe = root.querySelector("iframe") as HTMLIFrameElement;
    expect(iframe.getAttribute("src")).toBeNull();
    expect(sent).toHaveLength(1);
    const { nonce, intent } = sent[0] as { nonce: string; intent: unknown };
    expect(intent).toEqual({ note: "n1" });
    await vi.waitFor(() =>
      expect(iframe.getAttribute("src")).toBe(`chrome-extension://ext/sidebar.html#${nonce}`),
    );
    expect(document.head.querySelector("style[data-sa-ignore]")?.textContent).toContain("margin-right");
    frame.close();
    expect(root.querySelector("iframe")).toBeNull();
    expect(document.head.querySelector("style[data-sa-ignore]")).toBeNull();
  });

  test("a second load (the page navigating our frame) closes it", async () => {
    const root = document.createElement("div").attachShadow({ mode: "open" });
    const replaced = vi.fn();
    const frame = new SidebarFrame(root, replaced);
    frame.open();
    const iframe = root.querySelector("iframe") as HTMLIFrameElement;
    await vi.waitFor(() => expect(iframe.getAttribute("src")).not.toBeNull());
    iframe.dispatchEvent(new Event("load"));
    expect(replaced).not.toHaveBeenCalled();
    iframe.dispatchEvent(new Event("load"));
    expect(replaced).toHaveBeenCalledTimes(1);
    frame.close();
  });
});
