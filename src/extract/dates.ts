// Relative day words ("said Monday", "late Thursday", "today") resolved against the article's date.
import { WEEKDAYS } from "./lexicon";

/** The ISO date a day word names: the latest such weekday on or before the reference date. */
export function resolveDay(dayText: string, refDate: string): string | undefined {
  const ref = new Date(`${refDate}T12:00:00Z`);
  if (Number.isNaN(ref.getTime())) return undefined;
  const word = dayText.toLowerCase().replace(/^(?:late|early|on|last)\s+/, "");
  let back: number;
  if (word === "today" || word === "tonight") back = 0;
  else if (word === "yesterday") back = 1;
  else {
    const wd = WEEKDAYS.indexOf(word);
    if (wd < 0) return undefined;
    back = (ref.getUTCDay() - wd + 7) % 7;
    if (/^last\s/i.test(dayText) && back === 0) back = 7;
  }
  return new Date(ref.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
