// The browser editor's own script (redigering.js): publishing from the browser is refused; a folder lists
// only Danish pages, with Decap's own objects kept.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { test } = require("node:test");

const SCRIPT = path.join(__dirname, "..", "..", "scripts", "lib", "boerneinddragelse", "admin", "redigering.js");
const CURSOR = Symbol("cursor");

function entries(...paths) {
  const list = paths.map((p) => ({ file: { path: p }, data: "---\n---\n" }));
  list[CURSOR] = "side 1";
  return list;
}

function fakeBackend(listing) {
  return {
    calls: 0,
    async entriesByFolder() { this.calls += 1; return listing; },
    async allEntriesByFolder() { return listing; },
    persistEntry() { return "uændret"; },
  };
}

// Loads the script as the index page does: after Decap CMS, with data-sprog="en".
function loaded(registry, listeners = []) {
  const context = vm.createContext({
    CMS: { getBackend: (name) => registry[name], registerEventListener: (listener) => listeners.push(listener) },
    document: { currentScript: { dataset: { sprog: "en" } } },
  });
  context.self = context;
  vm.runInContext(fs.readFileSync(SCRIPT, "utf8"), context, { filename: SCRIPT });
  return context;
}

test("an English translation and a section's front page are not Danish pages of the collection", () => {
  const { Redigering } = loaded({});
  const languages = ["en"];
  assert.equal(Redigering.editable("docs/anbefalinger/1-alfa.md", languages), true);
  assert.equal(Redigering.editable("docs/anbefalinger/1-alfa.en.md", languages), false);
  assert.equal(Redigering.editable("docs/anbefalinger/index.md", languages), false);
  assert.equal(Redigering.editable("docs/anbefalinger/index.en.md", languages), false);
  // A slug that merely contains the letters is still a Danish page.
  assert.equal(Redigering.editable("docs/nyheder/2024-01-01-den-nye-en.md", languages), true);
});

test("the GitHub and local backends list only Danish pages, and keep their paging cursor", async () => {
  const listing = entries("docs/a/x.md", "docs/a/x.en.md", "docs/a/index.md", "docs/a/y.md");
  const github = fakeBackend(listing);
  const proxy = fakeBackend(listing);
  const registry = { github: { init: () => github }, proxy: { init: () => proxy } };
  loaded(registry);
  for (const name of ["github", "proxy"]) {
    const implementation = registry[name].init();
    const listed = await implementation.entriesByFolder("docs/a", "md", 1);
    assert.deepEqual(listed.map((e) => e.file.path), ["docs/a/x.md", "docs/a/y.md"]);
    assert.equal(listed[CURSOR], "side 1");
    const all = await implementation.allEntriesByFolder("docs/a", "md", 1);
    assert.deepEqual(all.map((e) => e.file.path), ["docs/a/x.md", "docs/a/y.md"]);
    assert.equal(implementation.persistEntry(), "uændret");
  }
  assert.equal(github.calls, 1);
});

test("publishing and unpublishing from the browser are refused in Danish", () => {
  const listeners = [];
  const { Redigering } = loaded({}, listeners);
  assert.deepEqual(listeners.map((l) => l.name).sort(), ["prePublish", "preUnpublish"]);
  for (const listener of listeners) {
    assert.throws(() => listener.handler({ entry: {} }), (error) => error.message === Redigering.REFUSED);
  }
  assert.match(Redigering.REFUSED, /godkendt pull requesten/);
});
