// Every date the extension shows, in one English style whatever the browser's locale: "Apr 1 2011", and
// "Apr 1 2011, 09:14" for a moment (the reader's time zone). Article dates are calendar days: no time zone.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "2011-04-01" → "Apr 1 2011"; "date unknown" when absent or not a YYYY-MM-DD day. */
export function dayLabel(isoDay: string | undefined): string {
  const m = isoDay ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay) : null;
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])} ${m[1]}` : "date unknown";
}

/** An article's date, "about Jul 4 2011" when it is an estimate. */
export function articleDateLabel(isoDay: string | undefined, estimated: boolean): string {
  const label = dayLabel(isoDay);
  return estimated && isoDay && label !== "date unknown" ? `about ${label}` : label;
}

/** The day of a moment (ISO timestamp or epoch milliseconds) in the reader's time zone: "Nov 22 2026". */
export function momentDayLabel(at: string | number): string {
  const d = new Date(at);
  return `${MONTHS[d.getMonth()]} ${d.getDate()} ${d.getFullYear()}`;
}

/** A moment with its time, in the reader's time zone: "Nov 22 2026, 09:14". */
export function momentLabel(at: string | number): string {
  const d = new Date(at);
  return `${momentDayLabel(at)}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "YYYY-MM-DD" of the reader's local day (export files are dated with it). */
export function localIsoDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
