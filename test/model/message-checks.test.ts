// The content scripts' request checks: status.js answers `status` alone, with a check of its own (so its bundle
// carries none of the other requests' checks and limits); content.js accepts every content request it handles.
import { describe, expect, test } from "vitest";
import { isContentRequest, isStatusRequest } from "../../src/model/message-checks";

describe("content requests", () => {
  test("status.js takes a status request and nothing else", () => {
    expect(isStatusRequest({ type: "status" })).toBe(true);
    for (const m of [
      null,
      "status",
      ["status"],
      { type: "selection" },
      { type: "reveal", targetId: "q1" },
      { kind: "status" },
    ])
      expect(isStatusRequest(m)).toBe(false);
  });

  test("content.js takes status and selection as they come, the others by their fields", () => {
    expect(isContentRequest({ type: "status" })).toBe(true);
    expect(isContentRequest({ type: "selection" })).toBe(true);
    expect(isContentRequest({ type: "notes-changed", articleId: "nyt-libya-2011-07" })).toBe(true);
    expect(isContentRequest({ type: "notes-changed", articleId: "Not An Id" })).toBe(false);
    expect(isContentRequest({ type: "notes-changed", articleId: "a".repeat(101) })).toBe(false);
    expect(isContentRequest({ type: "unknown" })).toBe(false);
  });
});
