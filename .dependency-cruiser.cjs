// The layers of src (docs/architecture.md, docs/decisions/0004): every arrow points from a runtime context or the
// build towards the pure cores and the shared model, never back. Run with `node scripts/depcruise.mjs` (npm test
// does), which hands dependency-cruiser the modules as JavaScript: file names here end in .js.
const CORES = "^src/(extract|recognition|anchoring|notes|analysis)/";
const CONTEXTS = "^src/(content|background|popup|sidebar|notes-page|options|shared)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes two modules one: split out what both need.",
      from: {},
      to: { circular: true },
    },
    {
      name: "model-imports-nothing",
      severity: "error",
      comment: "src/model is the shared vocabulary: it imports only itself (no packages, no other layer).",
      from: { path: "^src/model/" },
      to: { pathNot: "^src/model/" },
    },
    {
      name: "cores-stay-pure",
      severity: "error",
      comment:
        "The pure cores import the model, each other and packages, never a runtime context or the build.",
      from: { path: CORES },
      to: { path: [CONTEXTS, "^src/dataset/"] },
    },
    {
      name: "contexts-never-import-the-build",
      severity: "error",
      comment: "The runtime gets the dataset as data files (dist/*/data), never the code that builds them.",
      from: { path: CONTEXTS },
      to: { path: "^src/dataset/" },
    },
    {
      name: "build-never-imports-contexts",
      severity: "error",
      comment: "The build side (src/dataset) uses the model and the cores, never code of a runtime context.",
      from: { path: "^src/dataset/" },
      to: { path: CONTEXTS },
    },
    {
      name: "no-orphans",
      severity: "error",
      comment: "A module nothing imports is dead, or an entry point to list here.",
      from: {
        orphan: true,
        pathNot: [
          "^src/content/(index|status|asked|site)\\.js$",
          "^src/background/index\\.js$",
          "^src/analysis/(offscreen|engine)\\.js$",
          "^src/[^/]+/main\\.js$",
          "^src/dataset/cli\\.js$",
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.(css|html)$" },
  },
};
