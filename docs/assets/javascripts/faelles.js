/* The one script every page loads, before Material's bundle: search on demand, the catalogue's filter on
   demand, and link addresses in print.

   Search on demand: nothing of search is downloaded until the reader shows intent.

   Material's bundle starts its search worker (new Worker) as soon as a page opens and, online,
   requests search/search_index.json at once (from file:// it loads search/search_index.js only
   when the search box opens). Most readers never search, so this script, loaded before the
   bundle, holds both back:
   - window.Worker is wrapped: the search worker (workers/soegning.js, which loads the analyser,
     the index builder, Material's worker and lunr's languages) is created only on intent, or when
     Material first posts to it. Other workers, and the offline copy's iframe stand-in, are
     untouched; the stand-in, set before this script, is what gets wrapped;
   - the index request (Material's XMLHttpRequest; from file:// the script search/search_index.js
     that Material adds to the head) is sent only on intent.
   Intent is the earliest sign of a search: the pointer over or a tap on the search box or
   button, focus in the box, the keyboard shortcut (/, s, f), or a page opened with ?q= in its
   address. Worker and index then load side by side, so the first results are as quick as before. */
(function () {
  "use strict";

  var WORKER = /\/workers\/soegning(\.[0-9a-f]{8})?\.js(\?|$)/;  /* with or without its content hash */
  var INDEX = /\/search\/search_index\.json(\?|#|$)/;
  var INDEX_SCRIPT = /\/search\/search_index\.js(\?|#|$)/;  /* the offline copy's index, as a script */
  var SEARCH = ".md-search, label[for='__search']";
  var SHORTCUT = ["/", "s", "f", "S", "F"];

  var started = false;
  var waiting = [];  /* what starts on intent: pending index requests and search workers */

  function start() {
    if (started) return;
    started = true;
    EVENTS.forEach(function (name) { document.removeEventListener(name, onEvent, true); });
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenStarted(run) {
    if (started) run();
    else waiting.push(run);
  }

  /* The search worker, created on intent by whichever Worker the page had (a real one, or the
     offline copy's iframe stand-in). Messages posted before that wait, in order. */
  var PageWorker = window.Worker;
  function LazyWorker(url, options) {
    var target = new EventTarget();
    var real = null;
    var queue = [];
    target.onmessage = null;
    target.onerror = null;
    function forward(type, event) {
      var copy = type === "message" ? new MessageEvent("message", { data: event.data }) : new ErrorEvent("error", { message: event.message, error: event.error });
      target.dispatchEvent(copy);
      var handler = type === "message" ? target.onmessage : target.onerror;
      if (handler) handler.call(target, copy);
    }
    function create() {
      if (real) return;
      real = new PageWorker(url, options);
      real.addEventListener("message", function (event) { forward("message", event); suggest(event.data); });
      real.addEventListener("error", function (event) { forward("error", event); });
      queue.splice(0).forEach(function (args) { real.postMessage.apply(real, args); });
    }
    target.postMessage = function () {
      if (real) return real.postMessage.apply(real, arguments);
      queue.push(arguments);
      start();
    };
    target.terminate = function () { if (real) real.terminate(); };
    whenStarted(create);
    return target;
  }

  /* »Mente du …?«: the search worker adds the query with its corrections (forslag) to a result
     when a typed word found nothing and was corrected; shown under Material's result count, as a
     link that searches for it (the same page with ?q= without JavaScript's help). */
  var SUGGESTION = { da: "Mente du", en: "Did you mean" };

  function suggest(message) {
    var result = message && message.data;
    if (!result || !Array.isArray(result.items)) return;
    setTimeout(function () {
      var meta = document.querySelector(".md-search-result__meta");
      var old = document.querySelector("[data-soegning-forslag]");
      if (old) old.remove();
      if (!meta || typeof result.forslag !== "string" || !result.forslag) return;
      var input = document.querySelector(".md-search__input");
      var box = document.createElement("p");
      box.className = "soegning__forslag";
      box.setAttribute("data-soegning-forslag", "");
      var link = document.createElement("a");
      link.href = "?q=" + encodeURIComponent(result.forslag);
      link.textContent = result.forslag;
      link.addEventListener("click", function (event) {
        if (!input) return;
        event.preventDefault();
        input.value = result.forslag;
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
        input.focus();
      });
      var lang = (document.documentElement.lang || "da").slice(0, 2);
      box.append((SUGGESTION[lang] || SUGGESTION.da) + " ", link, "?");
      meta.after(box);
    }, 0);
  }

  if (PageWorker) {
    var OnDemand = function (url, options) {
      if (WORKER.test(String(url))) return LazyWorker(url, options);
      return new PageWorker(url, options);
    };
    OnDemand.prototype = PageWorker.prototype;
    OnDemand.wraps = PageWorker;  /* for tools that watch workers: the real ones are PageWorker's */
    window.Worker = OnDemand;
  }

  /* The index request: opened as Material opens it, sent on intent. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.soegeindeks = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.soegeindeks || started) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    whenStarted(function () { send.apply(request, args); });
  };

  /* From file:// Material loads the index as a script it adds to the head: added on intent. */
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (!started && node instanceof HTMLScriptElement && INDEX_SCRIPT.test(node.src)) {
      whenStarted(function () { append.call(head, node); });
      return node;
    }
    return append.apply(this, arguments);
  };

  function inSearch(target) {
    return target instanceof Element && target.closest(SEARCH) !== null;
  }

  function typing(target) {
    return target instanceof Element && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }

  var EVENTS = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"];
  function onEvent(event) {
    if (event.type === "keydown") {
      if (SHORTCUT.indexOf(event.key) !== -1 && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) start();
      else if (inSearch(event.target)) start();
      return;
    }
    if (inSearch(event.target)) start();
  }

  if (/[?&]q=/.test(location.search)) start();
  else EVENTS.forEach(function (name) { document.addEventListener(name, onEvent, { capture: true, passive: true }); });
})();

/* Before printing, give every link in the text its full address, so that a printed page
   shows where its links lead (the print stylesheet writes it after the link text). */
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
      link.setAttribute("data-print-url", link.href.replace(/[?#].*$/, function (tail) { return tail.charAt(0) === "#" ? tail : ""; }));
    });
  });
})();

/* The catalogue's filter (katalog.js) is fetched at the first sign that the reader wants to filter: the
   pointer over or a tap in the form, focus in it, a change to it (also one not made by hand), or filters
   in the address of a bookmarked view. Until then the form is there (it needs nothing to be shown) and
   the list is the page's own. */
(function () {
  "use strict";
  function watch(form, carrier) {
    var loaded = false;
    function load() {
      if (loaded) return;
      loaded = true;
      /* The list may change once the filter is there: it says so until the filter has shown it (katalog.js). */
      var list = document.querySelector("[data-katalog-liste]");
      if (list) list.setAttribute("aria-busy", "true");
      var tag = document.createElement("script");
      Array.prototype.forEach.call(carrier.attributes, function (attribute) {
        if (attribute.name.indexOf("data-") === 0) tag.setAttribute(attribute.name, attribute.value);
      });
      tag.src = carrier.getAttribute("data-src");
      document.body.appendChild(tag);
    }
    ["pointerover", "pointerdown", "focusin", "input", "change"].forEach(function (type) {
      form.addEventListener(type, load);
    });
    /* A filter in the address: one of the form's own fields by name. */
    var params = new URLSearchParams(location.search);
    if (Array.prototype.some.call(form.elements, function (field) { return field.name && params.has(field.name); })) load();
  }

  /* The carrier of the filter's addresses comes with the page's scripts, after this one. */
  function start() {
    var form = document.querySelector("[data-katalog-filtre]");
    var carrier = document.querySelector("[data-katalog-skript]");
    if (form && carrier) watch(form, carrier);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
