// The search worker (workers/soegning.js) around Material's own worker, in a fake worker scope:
// queries are rewritten, and results are ranked whole word > compound part > prefix, title first.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { test } = require("node:test");

const CASES = JSON.parse(fs.readFileSync(process.env.ANALYSER_CASES, "utf8"));
const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");
const ORIGIN = "https://sitet.test/assets/javascripts/";

function file(url) {
  const name = new URL(url).pathname.slice("/assets/javascripts/".length);
  if (name === "soegekonstanter.js") return { source: CASES.module, name };
  const shipped = /^lunr\/|^workers\/search\./.test(name);
  return { source: fs.readFileSync(path.join(shipped ? CASES.material : SCRIPTS, name), "utf8"), name };
}

async function worker(query = "") {
  const motor = path.basename(fs.readdirSync(path.join(CASES.material, "workers")).find((n) => /^search\..*\.js$/.test(n)));
  const listeners = [];
  const answers = [];
  const context = vm.createContext({
    URL, console, setTimeout, clearTimeout,
    location: { href: `${ORIGIN}workers/soegning.js?sprog=da&motor=${motor}${query}` },
    addEventListener: (type, fn) => type === "message" && listeners.push(fn),
    postMessage: (message) => answers.push(message),
  });
  context.self = context;
  context.importScripts = (...urls) => {
    for (const url of urls) {
      const { source, name } = file(url);
      vm.runInContext(source, context, { filename: name });
    }
  };
  vm.runInContext(file(`${ORIGIN}workers/soegning.js`).source, context, { filename: "soegning.js" });
  const ask = async (message) => {
    const before = answers.length;
    listeners.forEach((fn) => fn({ data: message }));
    for (let i = 0; i < 1000 && answers.length === before; i++) await new Promise((r) => setImmediate(r));
    return answers.at(-1);
  };
  return { context, ask };
}

const DOCS = [
  { location: "a/", title: "Samtalen", text: "Om planen for barnet" },
  { location: "b/", title: "Handleplanen", text: "En samtale om barnets handleplan", titeldele: "plan", dele: "plan" },
  { location: "c/", title: "Netværk", text: "Netværksmøder og samtaler", dele: "mød" },
];

async function search(queries, parameters) {
  const { context, ask } = await worker(parameters);
  const messages = context.Soegekonstanter.WORKER_MESSAGES;
  const ready = await ask({ type: messages.SETUP, data: { config: CASES.index_config, docs: DOCS, options: {} } });
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
