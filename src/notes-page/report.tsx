// What the notes page's live region says after an export or an import, with the rejected items listed.
import type { Rejection } from "../model/notes";
import { plural } from "./labels";

export interface Report {
  tone: "info" | "error";
  text: string;
  rejected?: Rejection[];
}

/** Rejections listed one by one; the rest are counted. */
const REJECTIONS_SHOWN = 100;

export function ReportView({ report }: { report: Report }) {
  const rejected = report.rejected ?? [];
  return (
    <div class={`np-report ${report.tone}`} data-testid="report">
      <p data-testid="report-text">{report.text}</p>
      {rejected.length > 0 && (
        <ul class="np-rejected" data-testid="rejected">
          {rejected.slice(0, REJECTIONS_SHOWN).map((r, i) => (
            <li key={i}>
              {r.index === null ? "The file" : `Item ${r.index + 1}`}: {r.reason}
            </li>
          ))}
          {rejected.length > REJECTIONS_SHOWN && (
            <li>… and {plural(rejected.length - REJECTIONS_SHOWN, "more")}.</li>
          )}
        </ul>
      )}
    </div>
  );
}
