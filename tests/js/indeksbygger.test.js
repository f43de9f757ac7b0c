// The fast index (workers/indeksbygger.js) answers every query as lunr's own index and query do: the
// same pages in the same order, the same scores and the same match data; inside withoutScores the
// same pages and match data, the match data made only when read. Both indexes are built from the
// same documents by the search worker, as Material builds them from the site's index.
"use strict";
const assert = require("node:assert/strict");
const { test } = require("node:test");

const { workerWith } = require("./search_worker.js");

const WORDS = [
  "barn", "barnet", "børn", "samtale", "samtalen", "samtaler", "plan", "planen", "handleplan", "møde",
  "netværksmøde", "inddragelse", "unge", "sag", "sagen", "og", "om", "ærlig", "å", "støtte",
];

// Pages and sections with words drawn from WORDS by a fixed sequence (no randomness between runs).
function documents(count) {
  let seed = 7;
  const next = (n) => Math.floor((seed = (seed * 1103515245 + 12345) % 2147483648) / 65536) % n;
  const text = (length) => Array.from({ length }, () => WORDS[next(WORDS.length)]).join(" ");
  const docs = [];
  for (let i = 0; i < count; i++) {
    const page = `side-${i}/`;
    docs.push({ location: page, title: text(1 + next(4)), text: `<p>${text(5 + next(30))}</p>`, dele: next(3) ? "" : "mød plan" });
    if (next(2)) docs.push({ location: `${page}#afsnit`, title: text(2), text: `<p>${text(10)}</p>`, titeldele: "plan" });
  }
  return docs;
}

const QUERIES = [
  "samtale", "sam*", "samtal*", "b*", "barn plan", "+barn +møde", "-barn", "-barn -plan", "plan -barn",
  "+zzz barn", "zzz", "barn~1", "title:plan", "+title:plan text:barn", "barn^3 plan", "*tale", "ærlig",
  "+og", "title:sam* dele:mød", "unge sag*", "plan plan*", "",
];

// The built index of each worker: the fast one (indeksbygger.js) and lunr's own (indeks=lunr).
async function indexes() {
  const built = {};
  const keep = (name) => (context) => {
    const own = context.lunr.Index.prototype.query;  /* lunr's, before soegning.js wraps it */
    const capture = (lunr) => {
      const build = lunr.Builder.prototype.build;
      lunr.Builder.prototype.build = function () { return (built[name] = { index: build.call(this), context, own }).index; };
    };
    if (name === "lunr") return capture(context.lunr);
    const install = context.Indeksbygger.install;
    context.Indeksbygger.install = (lunr) => { install(lunr); capture(lunr); };
  };
  const docs = documents(60);
  await workerWith(docs, "", keep("fast"));
  await workerWith(docs, "&indeks=lunr", keep("lunr"));
  assert.equal(typeof Object.values(built.fast.index.fieldVectors)[0].lazyDot, "function");  /* the fast index */
  assert.equal(typeof Object.values(built.lunr.index.fieldVectors)[0].lazyDot, "undefined");  /* lunr's */
  return built;
}

// Results as plain data: each page, its score and its match data.
function plain(results) {
  return JSON.parse(JSON.stringify(Array.from(results, ({ ref, score, matchData }) => ({ ref, score, metadata: matchData.metadata }))));
}

function ask({ index, context }, query) {
  return plain(index.query((built) => new context.lunr.QueryParser(query, built).parse()));
}

test("the fast index and query answer as lunr's own", async () => {
  const built = await indexes();
  let found = 0;
  for (const query of QUERIES) {
    const fast = ask(built.fast, query);
    assert.deepEqual(fast, ask(built.lunr, query), `»${query}«`);
    found += fast.length;
  }
  assert.ok(found > 0);
});

test("without scores: the same pages and match data, made when read", async () => {
  const built = await indexes();
  const { Indeksbygger } = built.fast.context;
  let lazy = 0;
  for (const query of QUERIES) {
    const results = Indeksbygger.withoutScores(() =>
      built.fast.index.query((q) => new built.fast.context.lunr.QueryParser(query, q).parse()));
    lazy += results.filter((result) => !Object.prototype.hasOwnProperty.call(result, "matchData")).length;
    const pages = Array.from(results, ({ ref, score, matchData }) => {
      assert.equal(score, 0);
      assert.equal(matchData, results.find((other) => other.ref === ref).matchData);  /* made once */
      return { ref, metadata: JSON.parse(JSON.stringify(matchData.metadata)) };
    });
    const byRef = (a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
    const expected = ask(built.lunr, query).map(({ ref, metadata }) => ({ ref, metadata }));
    assert.deepEqual(pages.sort(byRef), expected.sort(byRef), `»${query}«`);
  }
  assert.ok(lazy > 0);
});

test("the fast query answers as lunr's own on an index lunr built", async () => {
  const built = await indexes();
  const { context, index, own } = built.lunr;
  context.Indeksbygger.install(context.lunr);  /* replaces soegning.js's wrapper too: both queries are bare */
  for (const query of QUERIES) {
    const parse = (q) => new context.lunr.QueryParser(query, q).parse();
    assert.deepEqual(plain(index.query(parse)), plain(own.call(index, parse)), `»${query}«`);
  }
});
