// The browser's analyser against the shared fixture (exported to JSON by export_cases.py).
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { test } = require("node:test");
const { load } = require("./load.js");

const CASES = JSON.parse(fs.readFileSync(process.env.ANALYSER_CASES, "utf8"));
const { Soegeanalyse } = load(["soegeanalyse.js"], { generated: CASES.module });

test("a text's words", () => {
  for (const c of CASES.words) assert.deepEqual([...Soegeanalyse.words(c.text)], c.words, c.text);
});

test("Snowball's Danish stems", () => {
  for (const [word, stem] of Object.entries(CASES.stems)) assert.equal(Soegeanalyse.stem(word), stem, word);
});

test("the matching rule", () => {
  for (const c of CASES.matches) {
    assert.equal(Soegeanalyse.matcher(c.query)(c.words, c.parts), c.match, `${c.query} in ${c.words.join(" ")}`);
  }
});

test("the constants are Python's", () => {
  const c = CASES.constants;
  assert.equal(Soegeanalyse.SEPARATOR, c.SEPARATOR);
  assert.equal(Soegeanalyse.MIN_PART_STEM, c.MIN_PART_STEM);
  assert.equal(Soegeanalyse.MIN_PREFIX, c.MIN_PREFIX);
  assert.deepEqual([...Soegeanalyse.STOP_WORDS].sort(), c.STOP_WORDS);
});

test("a typed word becomes the part of its stem it shares with the word", () => {
  assert.equal(Soegeanalyse.queryTerm("Samtalerne"), "samtal");
  assert.equal(Soegeanalyse.queryTerm("lundy", () => "lundi"), "lund");
});

// ---- the readers' own words (issue 20): the same answers as analysis.py.
const VOCABULARY = Soegeanalyse.vocabulary(CASES.correction_vocabulary);
const SYNONYMS = Soegeanalyse.synonyms(CASES.expansion_synonyms);

test("keyboard variants fold to one spelling", () => {
  for (const [word, folded] of Object.entries(CASES.folds)) assert.equal(Soegeanalyse.fold(word), folded, word);
});

test("corrections", () => {
  for (const c of CASES.corrections) assert.deepEqual([...Soegeanalyse.corrections(c.word, VOCABULARY)], c.expect, c.word);
});

test("expansion", () => {
  for (const c of CASES.expansions) {
    const slots = [...Soegeanalyse.expand(c.query, SYNONYMS)].map((s) => [[...s.words], [...s.synonyms.map((x) => x.target)]]);
    assert.deepEqual(slots, c.slots, c.query);
  }
});

test("the matching rule with the readers' words", () => {
  for (const c of CASES.reader_matches) {
    const known = c.vocabulary ? VOCABULARY : undefined;
    assert.equal(Soegeanalyse.matcher(c.query, known, SYNONYMS)(c.words, c.parts), c.match, `${c.query} in ${c.words.join(" ")}`);
  }
});

test("the site's synonyms are generated from the glossary file", () => {
  assert.ok(Soegeanalyse.SYNONYMS.length > 0);
  for (const s of Soegeanalyse.SYNONYMS) assert.ok(s.targetWords.length && s.stems.length, s.target);
});
