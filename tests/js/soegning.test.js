// The search worker (workers/soegning.js) around Material's own worker, in a fake worker scope:
// queries are rewritten, and results are ranked whole word > compound part > prefix, title first.
"use strict";
const assert = require("node:assert/strict");
const { test } = require("node:test");

const { workerWith } = require("./search_worker.js");

const DOCS = [
  { location: "a/", title: "Samtalen", text: "Om planen for barnet" },
  { location: "b/", title: "Handleplanen", text: "En samtale om barnets handleplan", titeldele: "plan", dele: "plan" },
  { location: "c/", title: "Netværk", text: "Netværksmøder og samtaler", dele: "mød" },
];

async function search(queries, parameters) {
  const { ask, messages, ready } = await workerWith(DOCS, parameters);
  assert.equal(ready.type, messages.READY);
  const results = [];
  for (const query of queries) {
    const answer = await ask({ type: messages.QUERY, data: query });
    assert.equal(answer.type, messages.RESULT);
    results.push(JSON.parse(JSON.stringify(answer.data.items.map((item) => item[0].location))));
  }
  return results;
}

for (const [variant, parameters] of [["fast index", ""], ["lunr's index", "&indeks=lunr"]]) {
  test(`ranking with the ${variant}`, async () => {
    const [samtale, plan, moede, nothing] = await search(["samtale", "plan", "møderne", "xyzzy"], parameters);
    assert.deepEqual(samtale, ["a/", "b/", "c/"]);  /* the title's word first */
    assert.deepEqual(plan, ["b/", "a/"]);           /* a compound part of the title beats a word of the text */
    assert.deepEqual(moede, ["c/"]);                /* found by a compound part of the text */
    assert.deepEqual(nothing, []);
  });
}

test("a result names the typed words it lacks as typed; those it has stay stems, for the page's marks", async () => {
  const { ask, messages } = await workerWith(DOCS);
  const answer = await ask({ type: messages.QUERY, data: "Samtalerne xyzzyerne" });
  const terms = answer.data.items.map((item) => JSON.parse(JSON.stringify(item[0].terms)));
  assert.ok(terms.length > 0);
  /* »Mangler: xyzzyerne«, not »xyzzy«; the link's ?h=samtal marks »samtalen« and »samtaler« on the page */
  for (const found of terms) assert.deepEqual(found, { samtal: true, xyzzyerne: false });
});
