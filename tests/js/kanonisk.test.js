// The browser's canonical form (kanonisk.js) writes the same bytes as the Python side, for every page
// under docs/ and the fixtures and for single values with each quoting rule (cases exported from Python).
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");
const yaml = require("js-yaml");

const kanonisk = require(path.join(__dirname, "..", "..", "scripts", "lib", "boerneinddragelse", "admin", "kanonisk.js"));
const CASES = process.env.CANONICAL_CASES;

function split(text) {
  const match = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text);
  return { fields: yaml.load(match[1]) || {}, body: match[2] };
}

test("cases are exported", { skip: !CASES && "CANONICAL_CASES not set (make test-js sets it)" }, () => {
  const cases = JSON.parse(fs.readFileSync(CASES, "utf8"));
  assert.ok(cases.pages.length > 0);
  const wrong = [];
  for (const page of cases.pages) {
    const { fields, body } = split(page.canonical);
    const written = kanonisk.pageText(fields, body);
    if (written !== page.canonical) wrong.push({ case: page.name, written, canonical: page.canonical });
  }
  for (const value of cases.values) {
    const written = kanonisk.frontMatter({ x: value.value });
    if (written !== value.canonical) wrong.push({ case: value.value, written, canonical: value.canonical });
  }
  assert.deepEqual(wrong, []);
});
