// The catalogue's filters (katalog.js) on a small fake page: select filters, free text, the URL.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { test } = require("node:test");
const { load } = require("./load.js");

const CASES = JSON.parse(fs.readFileSync(process.env.ANALYSER_CASES, "utf8"));

function element(props = {}) {
  const listeners = {};
  return {
    hidden: false,
    ...props,
    addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    fire(type) { (listeners[type] || []).forEach((fn) => fn({ preventDefault() {} })); },
  };
}

// An example as the page has it: its facts line (labels, as the reader sees them) and data-dele.
function example({ text, anbefalinger = "", temaer = "", maalgrupper = "", kommune = "Uden kommune", dele = "" }) {
  const facts = { anbefaling: `Anbefaling ${anbefalinger}`, tema: temaer, maalgruppe: maalgrupper, kommune };
  const attributes = { "data-dele": dele };
  return element({
    textContent: text,
    getAttribute: (name) => (name in attributes ? attributes[name] : null),
    querySelector: (selector) => {
      const name = /^\[data-felt="(\w+)"\]$/.exec(selector)[1];
      return name in facts ? { textContent: facts[name] } : null;
    },
  });
}

// A select filter; each option's label is its value in capitals (the filter maps labels back to values).
function select(values) {
  const options = ["", ...values].map((value) => ({ value, textContent: ` ${value.toUpperCase()} ` }));
  return { tagName: "SELECT", value: "", options };
}

// A catalogue of three examples, opened at the given query string.
function catalogue(search = "") {
  const items = [
    example({ text: "En god samtale med barnet", anbefalinger: "1, 2", temaer: "SAMTALE, PLAN", kommune: "AARHUS" }),
    example({ text: "Netværksmøde hvor den unge vælger", anbefalinger: "2", temaer: "NETVAERK", dele: "mød" }),
    example({ text: "Barnets handleplan", anbefalinger: "3", temaer: "PLAN", kommune: "ODENSE" }),
  ];
  const form = element({
    hidden: true,
    elements: {
      q: { tagName: "INPUT", value: "", focus() {} },
      anbefaling: select(["1", "2", "3"]),
      tema: select(["samtale", "netvaerk", "plan"]),
      kommune: select(["aarhus", "odense"]),
    },
  });
  const count = { textContent: "" };
  const empty = { hidden: false };
  const parts = { "[data-katalog-filtre]": form, "[data-katalog-antal]": count, "[data-katalog-tom]": empty };
  const root = { querySelector: (selector) => parts[selector], querySelectorAll: () => items };
  const urls = [];
  const globals = {
    URLSearchParams,
    setTimeout: (fn) => fn(),
    location: { pathname: "/katalog/", search, hash: "" },
    history: { replaceState: (state, title, url) => urls.push(url) },
    document: { querySelectorAll: (selector) => (selector === "[data-katalog]" ? [root] : []) },
  };
  load(["soegeanalyse.js", "katalog.js"], { generated: CASES.module, globals });
  const shown = () => items.map((item, number) => (item.hidden ? null : number)).filter((n) => n !== null);
  const choose = (name, value) => { form.elements[name].value = value; form.fire(name === "q" ? "input" : "change"); };
  return { form, count, empty, urls, shown, choose };
}

test("without a filter every example shows, and the form appears", () => {
  const page = catalogue();
  assert.deepEqual(page.shown(), [0, 1, 2]);
  assert.equal(page.count.textContent, "3 praksiseksempler");
  assert.equal(page.form.hidden, false);
  assert.equal(page.empty.hidden, true);
});

test("a select filter keeps the examples whose facts line names its option, and writes the URL", () => {
  const page = catalogue();
  page.choose("anbefaling", "2");
  assert.deepEqual(page.shown(), [0, 1]);
  assert.equal(page.count.textContent, "Viser 2 af 3 praksiseksempler");
  assert.equal(page.urls.at(-1), "/katalog/?anbefaling=2");
  page.choose("tema", "netvaerk");
  assert.deepEqual(page.shown(), [1]);
  assert.equal(page.urls.at(-1), "/katalog/?anbefaling=2&tema=netvaerk");
});

test("free text matches as the site search: inflections, and compound parts from data-dele", () => {
  const page = catalogue();
  page.choose("q", "samtalerne");
  assert.deepEqual(page.shown(), [0]);
  page.choose("q", "møderne");
  assert.deepEqual(page.shown(), [1]);
  page.choose("q", "ring");
  assert.deepEqual(page.shown(), []);
  assert.equal(page.empty.hidden, false);
  assert.equal(page.count.textContent, "Viser 0 af 3 praksiseksempler");
});

test("the URL's filters apply on opening; a value that is no choice is ignored", () => {
  const page = catalogue("?kommune=odense&anbefaling=9");
  assert.equal(page.form.elements.anbefaling.value, "");
  assert.deepEqual(page.shown(), [2]);
  assert.equal(page.count.textContent, "Viser 1 af 3 praksiseksempler");
});

test("reset shows everything again and clears the URL", () => {
  const page = catalogue("?tema=plan");
  assert.deepEqual(page.shown(), [0, 2]);
  for (const name of Object.keys(page.form.elements)) page.form.elements[name].value = "";
  page.form.fire("reset");
  assert.deepEqual(page.shown(), [0, 1, 2]);
  assert.equal(page.urls.at(-1), "/katalog/");
});

test("an example without a municipality is found under the constructed examples", () => {
  const page = catalogue();
  page.choose("kommune", "-");
  assert.deepEqual(page.shown(), [1]);
});
