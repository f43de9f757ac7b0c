/* Filters for the practice-example catalogue.
   Works from file:// and without a server; without JavaScript the full list stays visible.
   The filter state is kept in the URL's query string, so a filtered view can be bookmarked.
   The free-text filter matches like the site search, with the same analyser (soegeanalyse.js):
   a typed word finds its inflections, compounds that begin with it, and compounds that end in it
   (data-dele: the compound parts the build computed with scripts/lib/boerneinddragelse/analysis.py),
   the site's word for a synonym or an old word (»handleplan« finds »barnets plan«), and, for a word
   that finds nothing, its corrections (»anbrigelse«, »borneinddragelse«). */
(function () {
  "use strict";

  /* The analyser, and the constants it reads, are fetched only when the free-text field is used (focus,
     typing, or ?q= in the address): the select filters need neither, and most readers never type here.
     Their addresses are on this script's element (data-konstanter, data-analyse). */
  var script = document.currentScript;
  var SOURCES = script ? [script.getAttribute("data-konstanter"), script.getAttribute("data-analyse")] : [];
  var waiting = [];

  function withAnalyser(run) {
    if (typeof Soegeanalyse !== "undefined") {
      run();
      return;
    }
    waiting.push(run);
    if (waiting.length > 1) return;  /* already on its way */
    (function next(index) {
      if (index === SOURCES.length) {
        if (typeof Soegeanalyse !== "undefined") waiting.splice(0).forEach(function (done) { done(); });
        return;
      }
      var tag = document.createElement("script");
      tag.src = SOURCES[index];
      tag.onload = function () { next(index + 1); };
      document.head.appendChild(tag);
    })(0);
  }

  var FIELDS = ["q", "anbefaling", "tema", "maalgruppe", "sagstrin", "kommune"];
  var CHOICES = FIELDS.slice(1);  /* the select filters: each keeps an item that has its value */

  function init(root) {
    var form = root.querySelector("[data-katalog-filtre]");
    var count = root.querySelector("[data-katalog-antal]");
    var empty = root.querySelector("[data-katalog-tom]");
    var list = root.querySelector("[data-katalog-liste]");
    /* Each example's recommendations, themes, age groups and municipality are read from its facts line
       (the text a reader without JavaScript sees as well): the labels there are the select options'
       labels, which give back the options' values. The case step and the compound parts are data-*. */
    var labels = {};
    CHOICES.forEach(function (name) {
      var field = form.elements[name];
      labels[name] = {};
      if (field && field.options) {
        Array.prototype.forEach.call(field.options, function (o) { labels[name][o.textContent.trim()] = o.value; });
      }
    });
    function fact(li, name) {
      var span = li.querySelector('[data-felt="' + name + '"]');
      return span ? span.textContent.trim() : "";
    }
    function chosen(li, name) {  /* a list of labels, "A, B", as the options' values */
      return fact(li, name).split(", ").map(function (label) { return labels[name][label] || ""; });
    }
    var items = Array.prototype.map.call(root.querySelectorAll(".katalog__eksempel"), function (li) {
      return {
        li: li,
        anbefaling: fact(li, "anbefaling").match(/\d+/g) || [],
        tema: chosen(li, "tema"),
        maalgruppe: chosen(li, "maalgruppe"),
        kommune: [labels.kommune[fact(li, "kommune")] || "-"],  /* not a municipality's name: constructed */
        sagstrin: [li.getAttribute("data-sagstrin") || ""],
        words: null,  /* the analysed text, once the analyser is there */
        parts: (li.getAttribute("data-dele") || "").split(" ").filter(Boolean)
      };
    });

    function state() {
      var values = {};
      FIELDS.forEach(function (name) {
        var field = form.elements[name];  /* a filter with no choices is left out of the form */
        values[name] = field ? (field.value || "").trim() : "";
      });
      return values;
    }

    var analysed = false;
    var known = null;
    function analyse() {
      if (analysed) return;
      items.forEach(function (item) { item.words = Soegeanalyse.words(item.li.textContent); });
      /* Every word of the catalogue: a typed word that finds none of them is looked for by its
         corrections (a misspelling, a keyboard without æøå), as in the site search. */
      known = Soegeanalyse.vocabulary([].concat.apply([], items.map(function (item) {
        return item.words.concat(item.parts);
      })));
      analysed = true;
    }

    function apply() {
      var values = state();
      /* Free text before the analyser has arrived: the select filters apply now, the text when it is there. */
      /* The list says it is busy (aria-busy) until the text has been applied too. */
      if (values.q && !analysed) {
        if (list) list.setAttribute("aria-busy", "true");
        withAnalyser(function () {
          analyse();
          if (list) list.removeAttribute("aria-busy");
          apply();
        });
      }
      var matches = values.q && analysed ? Soegeanalyse.matcher(values.q, known) : null;
      var shown = 0;
      items.forEach(function (item) {
        var match = CHOICES.every(function (name) {
          return !values[name] || item[name].indexOf(values[name]) !== -1;
        }) && (!matches || matches(item.words, item.parts));
        item.li.hidden = !match;
        if (match) shown += 1;
      });
      var active = FIELDS.some(function (name) { return values[name]; });
      count.textContent = active
        ? "Viser " + shown + " af " + items.length + " praksiseksempler"
        : items.length + " praksiseksempler";
      empty.hidden = shown !== 0;
      return values;
    }

    function writeUrl(values) {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) { if (values[name]) params.set(name, values[name]); });
      var query = params.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      try {
        history.replaceState(null, "", url);
      } catch {
        /* Some browsers refuse history changes for file:// pages; filtering still works. */
      }
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      FIELDS.forEach(function (name) {
        var field = form.elements[name];
        var value = params.get(name);
        if (!field || value === null) return;
        if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) return;
        field.value = value;
      });
    }

    form.hidden = false;
    if (form.elements.q && form.elements.q.addEventListener) {
      form.elements.q.addEventListener("focus", function () { withAnalyser(analyse); });  /* the earliest sign */
    }
    readUrl();
    apply();
    form.addEventListener("input", function () { writeUrl(apply()); });
    form.addEventListener("change", function () { writeUrl(apply()); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { writeUrl(apply()); form.elements.q.focus(); }, 0);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-katalog]"), init);
})();
