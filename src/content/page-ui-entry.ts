// page-ui.js: our UI's code, injected by the background into a content script's frame on its first need
// (page-ui-loader.ts); it leaves the class where content.js finds it, in the same isolated world.
import { PageUi } from "./page-ui";

globalThis.__sourceAnnotatorPageUi = PageUi;
