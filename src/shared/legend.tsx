// The highlight kinds as the reader sees them, shared by the popup and the options page.
import type { HighlightKind } from "../model/protocol";

export const KIND_LABELS: Record<HighlightKind, { label: string; hint: string }> = {
  named: { label: "Named source", hint: "A quotation or statement from a person or body the article names" },
  anonymous: { label: "Anonymous source", hint: "The article does not name the source" },
  secondhand: { label: "Second-hand", hint: "Reaches the article through another outlet (Reuters, AP, …)" },
  crossref: { label: "Cross-reference", hint: "The same person, claim or event in the other articles" },
  note: { label: "Your notes", hint: "Passages you wrote a note on (kept in this browser only)" },
};

export function Swatch({ kind }: { kind: HighlightKind }) {
  return <span class={`swatch swatch-${kind}`} aria-hidden="true" />;
}
