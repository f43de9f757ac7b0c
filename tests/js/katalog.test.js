// The catalogue's filter (katalog.js, its part without a page): the examples of the data file as the
// filter sees them, the select filters, and free text with the site search's analyser. The page itself
// (the list, the pages, the URL) is tested in a browser (tests/test_catalogue_browser.py).
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { test } = require("node:test");
const { load } = require("./load.js");

const CASES = JSON.parse(fs.readFileSync(process.env.ANALYSER_CASES, "utf8"));
const context = load(["soegeanalyse.js", "katalog.js"], { generated: CASES.module });
const { Katalogfilter, Soegeanalyse } = context;

// Option labels by value, as the form's selects have them.
const LABELS = {
  anbefaling: {},
  tema: { samtale: "Samtalen med barnet", netvaerk: "Netværksmøder", plan: "Barnets plan" },
  maalgruppe: { "6-12": "6–12 år" },
  sagstrin: {},
  kommune: {},
};

// A record of the data file (catalogue_data.records).
function record(fields) {
  return {
    url: "../../praksiseksempler/x/", titel: "", beskrivelse: "", konstrueret: false, anbefalinger: [],
    temaer: [], maalgrupper: [], kommune: "", sagstrin: "", dele: "", ...fields,
  };
}

const RECORDS = [
  record({ titel: "En god samtale med barnet", anbefalinger: [1, 2], temaer: ["samtale", "plan"], kommune: "Aarhus" }),
  record({ titel: "Netværksmøde hvor den unge vælger", anbefalinger: [2], temaer: ["netvaerk"], dele: "mød", konstrueret: true, sagstrin: "undersoegelse" }),
  record({ titel: "Barnets handleplan", anbefalinger: [3], temaer: ["plan"], maalgrupper: ["6-12"], kommune: "Odense" }),
];

function catalogue() {
  const items = RECORDS.map((r) => Katalogfilter.item(r, LABELS, "Konstrueret eksempel"));
  items.forEach((one) => { one.words = Soegeanalyse.words(one.text); });
  const known = Soegeanalyse.vocabulary([].concat(...items.map((one) => one.words.concat(one.parts))));
  const values = (chosen) => ({ q: "", anbefaling: "", tema: "", maalgruppe: "", sagstrin: "", kommune: "", ...chosen });
  const shown = (chosen) => {
    const v = values(chosen);
    const found = Katalogfilter.filter(items, v, v.q ? Soegeanalyse.matcher(v.q, known) : null);
    return found.map((one) => items.indexOf(one));
  };
  return { items, shown };
}

test("an example's facts line reads as on the built page: labels, and »Uden kommune«", () => {
  const [first, second, third] = catalogue().items;
  assert.deepEqual({ ...first.facts }, {
    anbefaling: "Anbefaling 1, 2", tema: "Samtalen med barnet, Barnets plan", maalgruppe: "", kommune: "Aarhus",
  });
  assert.equal(second.facts.kommune, "Uden kommune");
  assert.equal(third.facts.maalgruppe, "6–12 år");
  assert.match(second.text, /^Konstrueret eksempel Netværksmøde/);
  assert.doesNotMatch(first.text, /Konstrueret/);
});

test("without a filter every example is kept", () => {
  assert.deepEqual(catalogue().shown({}), [0, 1, 2]);
});

test("select filters keep the examples that have the value, and combine", () => {
  const page = catalogue();
  assert.deepEqual(page.shown({ anbefaling: "2" }), [0, 1]);
  assert.deepEqual(page.shown({ anbefaling: "2", tema: "netvaerk" }), [1]);
  assert.deepEqual(page.shown({ maalgruppe: "6-12" }), [2]);
  assert.deepEqual(page.shown({ sagstrin: "undersoegelse" }), [1]);
  assert.deepEqual(page.shown({ kommune: "Odense" }), [2]);
});

test("an example without a municipality is found under the constructed examples", () => {
  assert.deepEqual(catalogue().shown({ kommune: "-" }), [1]);
});

test("free text matches as the site search: inflections, compound parts, and facts", () => {
  const page = catalogue();
  assert.deepEqual(page.shown({ q: "samtalerne" }), [0]);
  assert.deepEqual(page.shown({ q: "møderne" }), [1]);
  assert.deepEqual(page.shown({ q: "odense" }), [2]);
  assert.deepEqual(page.shown({ q: "ring" }), []);
  assert.deepEqual(page.shown({ q: "plan", anbefaling: "3" }), [2]);
});
