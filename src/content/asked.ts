// asked.js: run before content.js where the reader asked for the page (the every-site opt-in's registered script;
// the popup's "Analyse this page" sets the same flag itself). It lives in the content scripts' isolated world,
// which no page script can reach, so a page cannot claim the reader asked for it.
(globalThis as { __sourceAnnotatorAsked?: boolean }).__sourceAnnotatorAsked = true;
