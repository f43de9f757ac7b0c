// ESLint for the browser code (plain scripts, no modules) and its node tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.worker, lunr: "readonly", Soegeanalyse: "readonly", Indeksbygger: "readonly" },
    },
  },
  {
    // The browser editor's one script of our own, served at /admin/ beside Decap CMS.
    files: ["scripts/lib/boerneinddragelse/admin/**/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: { ...globals.browser, CMS: "readonly" } },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
