/* Danish site search: a thin wrapper around Material's own search worker.

   overrides/main.html points Material at this file instead of its worker and passes two
   parameters: sprog (the page's language) and motor (the URL of Material's worker, whose file
   name carries a hash). Material's search box, result list and index stay as they are; this file
   1. loads the analyser (../soegeanalyse.js) and Material's worker;
   2. rewrites each query before Material sees it: every typed word becomes its stem
      (Soegeanalyse.queryTerm), which Material then matches as a prefix (it appends "*");
   3. wraps lunr's Index#query and #search (lunr is Material's, on self.lunr): the index-only field
      "dele" (compound parts, see scripts/content/search_index.py) is matched only as a whole
      stem, results are re-scored whole word > compound part > prefix, and capped;
   4. on the way out, labels illustrative examples, drops the index-only field and lists results
      in the reader's language first.
   Runs as a real worker online, and inside an iframe (docs/assets/javascripts/iframe-worker-shim.js)
   from file://, where importScripts loads scripts asynchronously and postMessage is the shim's. */
(function () {
  "use strict";

  var QUERY = 2;                 /* Material's SearchMessageType.QUERY */
  var RESULT = 3;                /* Material's SearchMessageType.RESULT */
  var PARTS_FIELD = "dele";
  var MAX_RESULTS = 200;         /* Material highlights every result it gets: keep typing fast */
  var MIN_PREFIX = 2;            /* a single letter is not yet a word: matched whole, not as prefix */
  var WEIGHT = { whole: 1, part: 0.5, prefix: 0.25 };
  var LABEL = { da: "Illustrativt eksempel", en: "Illustrative example" };

  var script = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  function parameter(name) {
    var match = new RegExp("[?&]" + name + "=([^&?#]*)").exec(script);
    return match ? decodeURIComponent(match[1]) : "";
  }
  var language = parameter("sprog") || "da";
  var engine = new URL(parameter("motor"), script).href;
  var analyser = new URL("../soegeanalyse.js", script).href;

  var patched = false;
  var stemmed = Object.create(null);  /* index word -> its stem, memoised per session */

  function english(word) {
    return self.lunr.stemmer(new self.lunr.Token(word)).toString();
  }

  function queryTerm(word) {
    return Soegeanalyse.queryTerm(word, language === "en" ? english : null);
  }

  function stemOf(word) {
    if (!(word in stemmed)) stemmed[word] = queryTerm(word);
    return stemmed[word];
  }

  /* "Samtalerne om planen" -> "samtal om plan": Material adds the "*". Words with query syntax
     (+, -, field:, ^, ~, *, quotes) are passed on untouched. */
  function rewrite(query) {
    if (/["]/.test(query)) return query;
    return query.split(/\s+/).filter(Boolean).map(function (part) {
      if (/^[+-]|[:^~*]/.test(part)) return part;
      return Soegeanalyse.words(part).map(function (word) {
        var term = queryTerm(word);
        return term.length < MIN_PREFIX ? term + "^1" : term;
      }).join(" ");
    }).join(" ");
  }

  function patchLunr(lunr) {
    var query = lunr.Index.prototype.query;
    var search = lunr.Index.prototype.search;

    /* Compound parts match as whole stems only: a wildcard clause is split into a wildcard clause
       on the page's own words and an exact clause on the parts. */
    lunr.Index.prototype.query = function (fn) {
      var fields = this.fields.filter(function (name) { return name !== PARTS_FIELD; });
      var hasParts = this.fields.indexOf(PARTS_FIELD) !== -1;
      return query.call(this, function (built) {
        fn.call(built, built);
        if (!hasParts) return;
        var extra = [];
        built.clauses.forEach(function (clause) {
          if (clause.fields.indexOf(PARTS_FIELD) === -1) return;
          var term = clause.term.replace(/^\*|\*$/g, "");
          clause.fields = clause.fields.filter(function (name) { return name !== PARTS_FIELD; });
          if (!clause.fields.length) clause.fields = fields;
          if (term.length >= Soegeanalyse.MIN_PART_STEM && clause.presence !== lunr.Query.presence.PROHIBITED)
            extra.push({ term: term, fields: [PARTS_FIELD], boost: clause.boost, usePipeline: false,
                         wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL });
        });
        extra.forEach(function (clause) { built.clause(clause); });
      });
    };

    /* Whole word (an inflection of the typed word) > compound part > prefix of a longer word. */
    lunr.Index.prototype.search = function (queryString) {
      var terms = [];
      String(queryString).split(/\s+/).forEach(function (part) {
        var term = part.replace(/^[+-]/, "").replace(/[~^]\d*$/, "").replace(/^\*|\*$/g, "");
        if (term && part.charAt(0) !== "-") terms.push(term);
      });
      var results = search.call(this, queryString);
      if (!terms.length) return results;
      results.forEach(function (result) {
        var best = terms.map(function () { return 0; });
        Object.keys(result.matchData.metadata).forEach(function (matched) {
          var fields = result.matchData.metadata[matched];
          terms.forEach(function (term, index) {
            var weight = 0;
            if (PARTS_FIELD in fields && matched === term) weight = WEIGHT.part;
            var inText = Object.keys(fields).some(function (name) { return name !== PARTS_FIELD; });
            if (inText && matched.lastIndexOf(term, 0) === 0)
              weight = Math.max(weight, matched === term || stemOf(matched) === term ? WEIGHT.whole : WEIGHT.prefix);
            if (weight > best[index]) best[index] = weight;
          });
        });
        var sum = best.reduce(function (a, b) { return a + b; }, 0);
        result.score *= sum / terms.length;
      });
      return results
        .filter(function (result) { return result.score > 0; })
        .sort(function (a, b) { return b.score - a.score; })
        .slice(0, MAX_RESULTS);
    };
  }

  function label(doc) {
    if (!doc.illustrativ) return;
    var text = LABEL[language] || LABEL.da;
    doc.text = '<p class="soegning-illustrativ"><strong>' + text + ".</strong></p>" + (doc.text || "");
  }

  function present(result) {
    var own = [], other = [];
    result.items.forEach(function (group) {
      group.forEach(function (doc) {
        delete doc[PARTS_FIELD];
        label(doc);
      });
      ((group[0] && (group[0].sprog || "da")) === language ? own : other).push(group);
    });
    result.items = own.concat(other);
    return result;
  }

  /* Incoming: rewrite queries before Material's listener (added later) sees them. */
  addEventListener("message", function (event) {
    if (!patched && self.lunr) {
      patchLunr(self.lunr);
      patched = true;
    }
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") message.data = rewrite(message.data);
  });

  /* Outgoing: Material answers with postMessage; results are finished here. */
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) present(message.data);
    return post.apply(self, arguments);
  };

  importScripts(analyser, engine);
})();
