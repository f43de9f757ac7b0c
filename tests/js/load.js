// Loads the site's plain browser scripts into a fresh context, as a <script> tag would.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");

// generated: the source of the build's generated constants (soegekonstanter.js), run first.
function load(names, { generated = "", globals = {} } = {}) {
  const context = vm.createContext({ ...globals });
  context.self = context;
  if (generated) vm.runInContext(generated, context, { filename: "soegekonstanter.js" });
  for (const name of names) {
    const file = path.join(SCRIPTS, name);
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  return context;
}

module.exports = { load };
