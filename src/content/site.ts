// site.js: run before content.js on a site the reader chose to have analysed on every visit (the popup's offer
// after "Analyse this page", issue 18). Like asked.js it lives in the isolated world no page script reaches; unlike
// it, the cheap article test still applies, so the site's fronts and search pages are left alone.
(globalThis as { __sourceAnnotatorSite?: boolean }).__sourceAnnotatorSite = true;
