// The styles of our UI in the page: the shadow host's own inline style, and the sheet inside the closed root.
import { badgeCss } from "../model/kinds";
export const SIDEBAR_WIDTH = 380;

// The host's own style, inline and !important: page CSS (`html > div { display: none }`) cannot hide or move it.
// No z-index: the host makes no stacking context, so the note marks blend with the page's text under them (the
// card, launcher and sidebar have z-indexes of their own).
export const HOST_STYLE =
  "all: initial !important; display: block !important; position: absolute !important; top: 0 !important; " +
  "left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;";

// Sizes here are in px on purpose: this UI lives inside someone else's page, where rem follows the page's own
// root font size (a site may set 10px or 20px), so px is the only size the page cannot change; browser zoom still
// scales it. The extension's own pages (ui.css) use rem/em and follow the browser's font size. Colours follow
// prefers-color-scheme like ui.css; the launcher and the note button keep one palette that contrasts in both.
export const PAGE_UI_STYLES = `
:host { all: initial; }
.card {
  position: absolute; z-index: 2147483646; box-sizing: border-box; width: min(26rem, calc(100vw - 16px));
  max-height: min(60vh, 32rem); overflow: auto; padding: 12px 14px; border-radius: 10px;
  background: #fff; color: #1b1f24; border: 1px solid #d0d7de; box-shadow: 0 8px 28px rgba(0,0,0,.22);
  font: 14px/1.45 system-ui, sans-serif; text-align: left;
}
.card:focus { outline: 2px solid #0b57d0; outline-offset: 2px; }
.card h2 { font-size: 15px; margin: 0 24px 2px 0; }
.card .meta { color: #57606a; font-size: 12.5px; margin: 0 0 8px; }
.card .badges { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 8px; padding: 0; list-style: none; }
.card .badge { font-size: 11.5px; padding: 1px 7px; border-radius: 999px; background: #eef1f4; }
${badgeCss()}
.card h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; margin: 12px 0 4px; }
.card blockquote { margin: 4px 0 8px; padding: 4px 8px; border-left: 3px solid #d0d7de; }
.card .statement { font-weight: 600; margin: 4px 0; }
.card .source { display: block; color: #57606a; font-size: 12px; margin-top: 2px; }
.card a, .card button.link { color: #0b57d0; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; text-decoration: underline; }
.card .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; cursor: pointer; color: #57606a; }
.launcher {
  position: fixed; z-index: 2147483645; right: 0; top: 40%; writing-mode: vertical-rl; padding: 10px 6px;
  border: 0; border-radius: 8px 0 0 8px; background: #0b57d0; color: #fff; font: 600 13px system-ui, sans-serif; cursor: pointer;
}
.launcher:focus-visible, .card button:focus-visible, .card a:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.note-button {
  position: absolute; z-index: 2147483646; padding: 3px 10px; border-radius: 6px; border: 1px solid #a86b00;
  background: #ffdd00; color: #1b1f24; font: 600 13px system-ui, sans-serif; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.2);
}
.sidebar {
  position: fixed; z-index: 2147483647; top: 0; right: 0; width: ${SIDEBAR_WIDTH}px; height: 100vh; border: 0;
  border-left: 1px solid #d0d7de; background: #fff; box-shadow: -4px 0 16px rgba(0,0,0,.12);
}
@media (prefers-color-scheme: dark) {
  .card { background: #1d2125; color: #e6edf3; border-color: #3d444d; }
  .card .meta, .card h3, .card .source, .card .close { color: #9da7b3; }
  .card .badge { background: #2d333b; }
  .card a, .card button.link { color: #8ab4f8; }
}
`;
