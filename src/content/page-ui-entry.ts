// page-ui.js: the parts of the content script needed only sometimes (our UI, the analysis's page side), injected
// by the background into a content script's frame on its first need (page-ui-loader.ts); it leaves them where
// content.js finds them, in the same isolated world.
import { analysePage } from "./analyse-page";
import { PageUi } from "./page-ui";

globalThis.__sourceAnnotatorLater = { PageUi, analysePage };
