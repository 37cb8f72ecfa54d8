// The one date style: article days without a time zone, moments in the reader's zone, whatever the locale.
import { describe, expect, test } from "vitest";
import {
  articleDateLabel,
  dayLabel,
  localIsoDay,
  momentDayLabel,
  momentLabel,
} from "../../src/model/date-labels";

describe("date labels", () => {
  test("a calendar day, the same in every time zone", () => {
    expect(dayLabel("2011-04-01")).toBe("Apr 1 2011");
    expect(dayLabel("2011-12-31")).toBe("Dec 31 2011");
    expect(dayLabel(undefined)).toBe("date unknown");
    expect(dayLabel("April 1, 2011")).toBe("date unknown");
  });

  test("an article's date, marked when estimated", () => {
    expect(articleDateLabel("2011-07-04", true)).toBe("about Jul 4 2011");
    expect(articleDateLabel("2011-07-04", false)).toBe("Jul 4 2011");
    expect(articleDateLabel(undefined, true)).toBe("date unknown");
  });

  test("a moment in the reader's time zone, with its time", () => {
    const local = new Date(2026, 10, 22, 9, 4);
    expect(momentLabel(local.getTime())).toBe("Nov 22 2026, 09:04");
    expect(momentLabel(local.toISOString())).toBe("Nov 22 2026, 09:04");
    expect(momentDayLabel(local.getTime())).toBe("Nov 22 2026");
    expect(localIsoDay(local)).toBe("2026-11-22");
  });
});
