// The site's search worker (workers/soegning.js, with Material's worker behind it) in a fake worker
// scope: the scripts it imports are read from the source tree (Material's from the installed
// package, the generated constants from the shared fixture), synchronously, as a worker loads them.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const CASES = JSON.parse(fs.readFileSync(process.env.ANALYSER_CASES, "utf8"));
const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");
const ORIGIN = "https://sitet.test/assets/javascripts/";

function file(url) {
  const name = new URL(url).pathname.slice("/assets/javascripts/".length);
  if (name === "soegekonstanter.js") return { source: CASES.module, name };
  const shipped = /^lunr\/|^workers\/search\./.test(name);
  return { source: fs.readFileSync(path.join(shipped ? CASES.material : SCRIPTS, name), "utf8"), name };
}

// parameters: the worker's own query string after sprog and motor (e.g. "&indeks=lunr").
// before(context): runs once the worker's scripts are loaded, before any message.
function worker(parameters = "", before = () => {}) {
  const motor = path.basename(fs.readdirSync(path.join(CASES.material, "workers")).find((n) => /^search\..*\.js$/.test(n)));
  const listeners = [];
  const answers = [];
  const context = vm.createContext({
    URL, console, setTimeout, clearTimeout,
    location: { href: `${ORIGIN}workers/soegning.js?sprog=da&motor=${motor}${parameters}` },
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
  before(context);
  const ask = async (message) => {
    const before = answers.length;
    listeners.forEach((fn) => fn({ data: message }));
    for (let i = 0; i < 1000 && answers.length === before; i++) await new Promise((r) => setImmediate(r));
    return answers.at(-1);
  };
  return { context, ask };
}

// A worker that has been given docs as Material's SETUP message gives them.
async function workerWith(docs, parameters = "", before = () => {}) {
  const running = worker(parameters, before);
  const messages = running.context.Soegekonstanter.WORKER_MESSAGES;
  const ready = await running.ask({ type: messages.SETUP, data: { config: CASES.index_config, docs, options: { suggest: true } } });
  return { ...running, messages, ready };
}

module.exports = { CASES, worker, workerWith };
