// Baseline: a content script that does nothing.
