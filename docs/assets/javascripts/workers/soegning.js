/* Danish site search: a thin wrapper around Material's own search worker.

   overrides/main.html points Material at this file instead of its worker and passes two
   parameters: sprog (the page's language) and motor (the URL of Material's worker, whose file
   name carries a hash). Material's search box, result list and index stay as they are; this file
   1. loads the generated constants (../soegekonstanter.js), the analyser (../soegeanalyse.js), the
      index builder (indeksbygger.js: the same index, built in a third of the time; the parameter
      indeks=lunr keeps lunr's own) and Material's worker;
   2. rewrites each query before Material sees it: every typed word becomes its stem
      (Soegeanalyse.queryTerm), which Material then matches as a prefix (it appends "*"); the words
      of a phrase in quotes are all required;
   3. wraps lunr's Index#query and #search (lunr is Material's, on self.lunr): the index-only fields
      "dele" and "titeldele" (compound parts, see scripts/lib/boerneinddragelse/search_index.py) are matched only
      as whole stems, results are re-scored whole word > compound part > prefix, and capped;
   4. on the way out, marks compounds found by a part, labels illustrative examples, drops the
      index-only fields and lists results in the reader's language first.
   Runs as a real worker online, and inside an iframe (docs/assets/javascripts/iframe-worker-shim.js)
   from file://, where importScripts loads scripts asynchronously and postMessage is the shim's. */
(function () {
  "use strict";

  var SETUP, QUERY, RESULT;      /* Material's SearchMessageType, from the generated constants */
  var PARTS_FIELDS = [];         /* index-only fields of the search index, from the generated constants */
  var MAX_RESULTS = 200;         /* Material highlights every result it gets: keep typing fast */
  var WEIGHT = { whole: 1, part: 0.7, prefix: 0.25 };
  var SYNONYM = 0.1;             /* a page found through a synonym or old word ranks below one found by the typed word */
  var CORRECTED = 0.5;           /* ... and one found through a corrected spelling */
  var MAX_CORRECTED = 3;         /* typed words per query looked for by their corrections (bounded time) */
  var COORDINATION = 2;          /* a page with all typed words beats one with some, by this power */
  var TITLE_LENGTH = 0.05;       /* a title match counts more in a short title */
  var PHRASE = 2;                /* typed words side by side on the page (a name: "børns vilkår") */

  var script = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  function parameter(name) {
    var match = new RegExp("[?&]" + name + "=([^&?#]*)").exec(script);
    return match ? decodeURIComponent(match[1]) : "";
  }
  var language = parameter("sprog") || "da";
  var engine = new URL(parameter("motor"), script).href;
  var constants = new URL("../soegekonstanter.js", script).href;  /* generated at build time */
  var analyser = new URL("../soegeanalyse.js", script).href;
  var builder = new URL("indeksbygger.js", script).href;
  var fastBuilder = parameter("indeks") !== "lunr";

  var patched = false;
  var stemmed = Object.create(null);  /* index word -> its stem, memoised per session */
  var titles = new Map();             /* document location -> its title (HTML) */
  var titleWords = new Map();         /* document location -> words in its title, once asked */
  var documentBoost = new Map();      /* document location -> its boost (the recommendations: 2) */
  var documentOrder = new Map();      /* document location -> its place in the index (ties: site order) */
  var fieldBoost = {};                /* field -> boost, from the index's config */
  var idfs = new Map();               /* index term -> its inverse document frequency (lunr.idf is slow) */

  function titleLength(location) {
    var length = titleWords.get(location);
    if (length === undefined) {
      var title = String(titles.get(location) || "").replace(/<[^>]*>/g, " ");
      titleWords.set(location, length = Soegeanalyse.words(title).length || 1);
    }
    return length;
  }

  function isPart(field) { return PARTS_FIELDS.indexOf(field) !== -1; }

  function isStopWord(word) {
    var lunr = self.lunr;
    if (!lunr) return false;
    var filters = [lunr.stopWordFilter, language !== "en" && lunr[language] && lunr[language].stopWordFilter];
    return filters.some(function (filter) { return filter && !filter(word); });
  }

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

  /* "Samtalerne om planen" -> "samtal plan", Material adds the "*". Stop words are dropped but for
     the last word, which may be the start of a longer one. Words with query syntax (+, -, field:,
     ^, ~, *) are passed on untouched. A phrase in quotes ("samtale med barnet") becomes its words'
     stems, without stop words, and a page must have all of them (Material's rule for quotes), each
     found as any typed word is: inflected, or as a compound part. */
  var required = new Set();  /* the stems the current query's quotes require (see search below) */
  var partsFound = Object.create(null);  /* document location -> stems it matched as compound parts */

  /* The plan of a plain query (no quotes, no query syntax): its slots (Soegeanalyse.expand: a typed
     word, or the typed words of a synonym's source), each found by its own words, a synonym's target
     or, when the words find nothing, a correction. null for other queries, ranked term by term. */
  var plan = null;
  var known = null;  /* the index's words, for corrections: made the first time a word finds nothing */
  var partTerms = new Set();  /* the terms of the index-only fields (compound parts' stems) */
  var labelsFound = Object.create(null);  /* document location -> the synonyms it was found by */
  /* document location -> the typed words' terms it was found for by another way (a synonym, a correction, a
     compound typed as two words): Material must not list them as missing (»Mangler: …«). */
  var foundOtherwise = Object.create(null);
  var suggestion = "";  /* the query with its corrections (»Mente du …?«), or "" */
  /* A term of the rewritten query -> the word the reader typed for it: Material lists the typed words a
     result lacks (»Mangler: …«) by the query's terms, which are stems (»samtal« for »samtalerne«). */
  var typedWords = Object.create(null);

  function planOf(query) {
    if (query.indexOf('"') !== -1) return null;
    if (query.split(/\s+/).some(function (part) { return /^[+-]|[:^~*]/.test(part); })) return null;
    var typed = Soegeanalyse.words(query);
    var kept = typed.filter(function (word) { return !isStopWord(word); });
    var slots = Soegeanalyse.expand((kept.length ? kept : typed).join(" "));
    if (!slots.length) return null;
    slots.query = query;
    return slots;
  }

  function rewrite(query) {
    suggestion = "";  /* Material answers an empty query without searching: nothing may linger */
    labelsFound = Object.create(null);
    foundOtherwise = Object.create(null);
    plan = planOf(query);
    required = new Set();
    typedWords = Object.create(null);
    var terms = [];
    var pieces = query.split('"');  /* odd pieces are in quotes; an open quote runs to the end */
    pieces.forEach(function (piece, number) {
      var quoted = number % 2 === 1;
      var words = Soegeanalyse.words(piece);
      var kept = words.filter(function (word) { return !isStopWord(word); });
      if (quoted && kept.length) {
        kept.forEach(function (word) {
          var term = termOf(word);
          required.add(typed(term, word));
          terms.push(term);
        });
        return;
      }
      var parts = quoted ? words : piece.split(/\s+/).filter(Boolean);
      parts.forEach(function (part, index) {
        if (!quoted && /^[+-]|[:^~*]/.test(part)) return terms.push(part);
        var partWords = quoted ? [part] : Soegeanalyse.words(part);
        partWords.forEach(function (word, position) {
          var last = number === pieces.length - 1 && index === parts.length - 1 && position === partWords.length - 1;
          if (!last && !quoted && isStopWord(word)) return;
          var term = termOf(word);
          typed(term, word);
          terms.push(term);
        });
      });
    });
    return terms.join(" ");
  }

  /* Remembers the word typed for a term (the first, if two words share a stem); the term without "^1". */
  function typed(term, word) {
    var bare = term.replace(/\^1$/, "");
    if (!(bare in typedWords)) typedWords[bare] = word;
    return bare;
  }

  function termOf(word) {
    var term = queryTerm(word);
    return term.length < Soegeanalyse.MIN_PREFIX ? term + "^1" : term;  /* "^1": Material adds no "*" */
  }

  function patchLunr(lunr) {
    var query = lunr.Index.prototype.query;
    var search = lunr.Index.prototype.search;

    /* Compound parts match as whole stems only: a wildcard clause is split into a wildcard clause
       on the page's own words and an exact clause on the parts. */
    lunr.Index.prototype.query = function (fn) {
      var own = this.fields.filter(function (name) { return !isPart(name); });
      var parts = this.fields.filter(isPart);
      return query.call(this, function (built) {
        fn.call(built, built);
        if (!parts.length) return;
        var extra = [];
        built.clauses.forEach(function (clause) {
          if (!clause.fields.some(isPart)) return;
          var term = clause.term.replace(/^\*|\*$/g, "");
          clause.fields = clause.fields.filter(function (name) { return !isPart(name); });
          if (!clause.fields.length) clause.fields = own;
          if (term.length >= Soegeanalyse.MIN_PART_STEM && clause.presence !== lunr.Query.presence.PROHIBITED)
            extra.push({ term: term, fields: parts, boost: clause.boost, usePipeline: false,
                         wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL });
        });
        extra.forEach(function (clause) { built.clause(clause); });
      });
    };

    /* The score, computed here from lunr's matches (BM25 without length normalisation, as Material
       configures lunr): each match counts by its field's boost and its kind, whole word (an
       inflection of the typed word) > compound part > prefix of a longer word; then all typed words
       > some, words side by side > apart, a short matching title > a long one. */
    lunr.Index.prototype.search = function (queryString) {
      partsFound = Object.create(null);
      labelsFound = Object.create(null);
      foundOtherwise = Object.create(null);
      suggestion = "";
      var index = this;
      if (plan) return searchPlan(index, queryString, plan);
      var terms = [];
      var typed = String(queryString).split(/\s+/).filter(Boolean);
      typed.forEach(function (part, number) {
        var term = part.replace(/^[+-]/, "").replace(/[~^]\d*$/, "").replace(/^\*|\*$/g, "");
        if (!term || part.charAt(0) === "-") return;
        if (typed.length > 1 && number === typed.length - 1 && isStopWord(term)) return;
        terms.push(term);
      });
      if (!terms.length) return search.call(this, queryString);
      var slots = terms.map(function (term) { return [{ terms: [term], weight: 1 }]; });
      return rank(index, run(index, queryString), slots);
    };

    function run(index, queryString) {
      return fastBuilder
        ? Indeksbygger.withoutScores(function () { return search.call(index, queryString); })
        : search.call(index, queryString);
    }

    /* A plain query: each slot's ways to be found become alternatives, the extra terms are added to
       the query, and a slot whose own words find nothing is searched again by its corrections. */
    function searchPlan(index, queryString, slots) {
      var ways = slots.map(function (slot) {
        return Soegeanalyse.alternatives(slot).map(function (alternative) {
          return { terms: alternative.words.map(stemOf), weight: alternative.kind === "ord" ? 1 : SYNONYM,
                   synonym: alternative.synonym, typed: slot.words.join(" ") };
        });
      });
      joinCompounds(index, slots, ways);
      var lost = slots.filter(function (slot, number) {
        return ways[number].length === 1 && !ways[number][0].terms.some(function (term) { return starts(index, term); });
      }).slice(0, MAX_CORRECTED);
      if (lost.length) known = known || siteWords(index);
      var corrected = false;
      slots.forEach(function (slot, number) {
        if (lost.indexOf(slot) === -1) return;
        Soegeanalyse.alternatives(slot, known).slice(1).forEach(function (alternative) {
          corrected = true;
          ways[number].push({ terms: alternative.words.map(stemOf), weight: CORRECTED, correction: alternative.words[0] });
        });
      });
      var results = rank(index, run(index, withTerms(queryString, ways)), ways);
      if (!corrected) return results;
      var replaced = Object.create(null);  /* typed word -> the correction most results were found by */
      slots.forEach(function (slot, number) {
        var best = ways[number].filter(function (way) { return way.correction && way.hits; })
          .sort(function (a, b) { return b.hits - a.hits; })[0];
        if (best) replaced[slot.words[0]] = best.correction;
      });
      var typed = Soegeanalyse.words(slots.query);
      suggestion = typed.map(function (word) { return replaced[word] || word; }).join(" ");
      if (suggestion === typed.join(" ")) suggestion = "";
      return results;
    }

    /* The index's words, for corrections: its terms but the compound parts' stems (»samtal«), unless
       a page has the same word too. */
    function siteWords(index) {
      return Soegeanalyse.vocabulary(Object.keys(index.invertedIndex).filter(function (term) {
        if (!partTerms.has(term)) return true;
        var posting = index.invertedIndex[term];
        return index.fields.some(function (name) {
          return !isPart(name) && posting[name] && Object.keys(posting[name]).length > 0;
        });
      }));
    }

    /* Does any term of the index start with term? A walk down lunr's token set, one edge per letter. */
    function starts(index, term) {
      var node = index.tokenSet;
      for (var i = 0; node && i < term.length; i++) node = node.edges[term.charAt(i)];
      return Boolean(node);
    }

    /* A compound typed as two words (»kommunikations former«): where the two words written together
       are a word of the site, each of the two slots may also be found by that word. */
    function joinCompounds(index, slots, ways) {
      for (var i = 0; i + 1 < slots.length; i++) {
        if (slots[i].words.length !== 1 || slots[i + 1].words.length !== 1) continue;
        var joined = slots[i].words[0] + slots[i + 1].words[0];
        if (!Object.prototype.hasOwnProperty.call(index.invertedIndex, joined)) continue;
        var way = { terms: [stemOf(joined)], weight: 1 };
        ways[i].push(way);
        ways[i + 1].push(way);
      }
    }

    /* The query string with the alternatives' terms added (Material's form: a prefix, "*"). */
    function withTerms(queryString, ways) {
      var extra = [];
      ways.forEach(function (alternatives) {
        alternatives.slice(1).forEach(function (way) {
          way.terms.forEach(function (term) {
            extra.push(term.length < Soegeanalyse.MIN_PREFIX ? term + "^1" : term + "*");
          });
        });
      });
      return extra.length ? queryString + " " + extra.join(" ") : queryString;
    }

    /* Per term of the query: its best-weighted match in one result (each match counted by its
       field's boost and its kind: whole word > compound part > prefix of a longer word), and the
       places it matched (position * 8 + field; for words side by side). A result of the fast index
       lists its matches field by field (result.entries, see indeksbygger.js), lunr's term by term
       (matchData.metadata); either way a matched index term's fields are summed in the same order. */
    var sums = [];     /* per matched index term (its id) and term of the query: the sum over its fields */
    var counted = [];  /* per matched index term: the result it was last summed for */
    var touched = [];  /* the matched index terms of the current result */
    var current = 0;   /* the current result's number, for counted */

    function termMatches(index, result, terms, withPlaces) {
      var found = { best: terms.map(function () { return 0; }), inTitle: false,
                    places: terms.map(function () { return withPlaces ? new Set() : NO_PLACES; }) };
      current += 1;
      touched.length = 0;
      if (result.entries) {
        for (var e = 0; e < result.entries.length; e++) {
          var entry = result.entries[e], events = entry.events;
          for (var i = 0; i < events.length; i += 2)
            addMatch(index, result.ref, terms, withPlaces, found, events[i], entry.field, events[i + 1]);
        }
      } else {
        var metadata = result.matchData.metadata;
        for (var matched in metadata) {
          for (var name in metadata[matched])
            addMatch(index, result.ref, terms, withPlaces, found, matched, name, metadata[matched][name]);
        }
      }
      for (var t = 0; t < touched.length; t++) {
        for (var number = 0; number < terms.length; number++) {
          var sum = sums[touched[t] * terms.length + number];
          if (sum > found.best[number]) found.best[number] = sum;
        }
      }
      return found;
    }

    var NO_PLACES = new Set();

    /* One index term matched in one field of a result. */
    function addMatch(index, ref, terms, withPlaces, found, matched, name, metadata) {
      var kinds = kindsOf(index, matched, terms), at = kinds.id * terms.length;
      if (counted[kinds.id] !== current) {
        counted[kinds.id] = current;
        touched.push(kinds.id);
        for (var n = 0; n < terms.length; n++) sums[at + n] = 0;
      }
      var part = isPart(name);
      var positions = metadata.position || [];
      var frequency = positions.length || 1;
      var field = withPlaces && !part ? index.fields.indexOf(name) : -1;
      for (var number = 0; number < terms.length; number++) {
        var kind = kinds[number];
        if (!kind.prefix) continue;  /* neither the term, an inflection of it nor a longer word */
        var weight = part
          ? (kind.same ? WEIGHT.part : 0)
          : (kind.whole ? WEIGHT.whole : WEIGHT.prefix);
        if (!weight) continue;
        if (part) (partsFound[ref] || (partsFound[ref] = new Set())).add(terms[number]);
        sums[at + number] += (fieldBoost[name] || 1) * weight * kinds.idf * frequency * 2.2 / (frequency + 1.2);
        if (name === "title" || name === "titeldele") found.inTitle = true;
        if (field !== -1) {
          for (var p = 0; p < positions.length; p++) found.places[number].add(positions[p] * 8 + field);
        }
      }
    }

    /* How an index term matches each term of the query (the same in every result that has it, so worked out
       once per query, see rank): it is the term itself, an inflection of it (a whole word), or starts with it;
       with the term's idf and a number for the sums above. */
    var matchKinds = new Map();

    function kindsOf(index, matched, terms) {
      var kinds = matchKinds.get(matched);
      if (kinds) return kinds;
      kinds = terms.map(function (term) {
        var prefix = matched.lastIndexOf(term, 0) === 0;
        return { same: matched === term, whole: matched === term || (prefix && stemOf(matched) === term), prefix: prefix };
      });
      var idf = idfs.get(matched);
      if (idf === undefined) idfs.set(matched, idf = lunr.idf(index.invertedIndex[matched], documentOrder.size || 1));
      kinds.idf = idf;
      kinds.id = matchKinds.size;
      matchKinds.set(matched, kinds);
      return kinds;
    }

    /* A slot's score in one result: its best way to be found (all of the way's terms matched), the
       way's weight times its terms' mean; the winner is counted and, for a synonym, labels the page. */
    function slotScore(ways, found, ref) {
      var top = 0, winner = null;
      ways.forEach(function (way) {
        if (!way.at.every(function (at) { return found.best[at] > 0; })) return;
        var score = way.weight * way.at.reduce(function (a, at) { return a + found.best[at]; }, 0) / way.at.length;
        if (score > top) { top = score; winner = way; }
      });
      if (!winner) return { score: 0, places: new Set() };
      winner.hits = (winner.hits || 0) + 1;
      if (winner.synonym) (labelsFound[ref] || (labelsFound[ref] = [])).push(winner);
      if (winner !== ways[0]) {
        var otherwise = foundOtherwise[ref] || (foundOtherwise[ref] = new Set());
        ways[0].terms.forEach(function (term) { otherwise.add(term); });
      }
      return { score: top, places: found.places[winner.at[0]] };
    }

    /* The score, computed here from lunr's matches (BM25 without length normalisation, as Material
       configures lunr): a slot (a typed word) counts by its best way to be found, its own words > a
       synonym's or a correction's; then all slots > some, words side by side > apart, a short
       matching title > a long one. */
    function rank(index, results, slots) {
      var terms = [];
      matchKinds = new Map();
      slots.forEach(function (ways) {
        ways.forEach(function (way) {
          way.at = way.terms.map(function (term) {
            var at = terms.indexOf(term);
            return at === -1 ? terms.push(term) - 1 : at;
          });
        });
      });
      results.forEach(function (result) {
        var found = termMatches(index, result, terms, slots.length > 1);
        var slotBest = slots.map(function (ways) { return slotScore(ways, found, result.ref); });
        var adjacent = 0;
        for (var i = 0; i + 1 < slotBest.length; i++) {
          var next = slotBest[i + 1].places;
          for (var place of slotBest[i].places) {
            if (next.has(place + 8)) { adjacent += 1; break; }  /* the next word, same field */
          }
        }
        var phrase = slots.length > 1 ? 1 + PHRASE * adjacent / (slots.length - 1) : 1;
        var share = slotBest.filter(function (slot) { return slot.score > 0; }).length / slots.length;
        var missing = terms.some(function (term, number) { return required.has(term) && !found.best[number]; });
        var length = found.inTitle ? titleLength(result.ref) : 1;
        var sum = slotBest.reduce(function (a, slot) { return a + slot.score; }, 0);
        result.score = missing ? 0 : sum * (documentBoost.get(result.ref) || 1) *
          phrase * Math.pow(share, COORDINATION) / (1 + TITLE_LENGTH * (length - 1));
      });
      return results
        .filter(function (result) { return result.score > 0; })
        .sort(function (a, b) { return b.score - a.score || documentOrder.get(a.ref) - documentOrder.get(b.ref); })
        .slice(0, MAX_RESULTS);
    }
  }

  /* The index carries the site's label for illustrative examples (model.ILLUSTRATIVE_LABEL). */
  function label(doc) {
    if (typeof doc.illustrativ !== "string") return;
    var text = doc.illustrativ.replace(/[<>&"]/g, "");
    doc.text = '<p><span class="maerke-konstrueret">' + text + "</span></p>" + (doc.text || "");
  }

  /* Material marks the words whose positions matched; a match on a compound part (an index-only
     field) has no position in the title or text, so the compound itself is marked here: a word
     that holds the part after its first letter, outside Material's marks and outside tags and
     character references. */
  var word = null;  /* a run of letters: the analyser's separator, inverted (made once it is loaded) */

  function markParts(markup, stems) {
    if (typeof markup !== "string" || !stems) return markup;
    word = word || new RegExp(Soegeanalyse.SEPARATOR.replace("[^", "["), "g");
    var inMark = false;
    return markup.split(/(<[^>]*>)/).map(function (piece, number) {
      if (number % 2 === 1) {
        if (/^<mark\b/i.test(piece)) inMark = true;
        else if (/^<\/mark\s*>/i.test(piece)) inMark = false;
        return piece;
      }
      if (inMark) return piece;
      return piece.replace(word, function (found, at) {
        if (piece.charAt(at - 1) === "&") return found;
        var lower = Soegeanalyse.normalise(found);
        for (var stem of stems) {
          if (lower.length > stem.length && lower.indexOf(stem, 1) !== -1) return "<mark>" + found + "</mark>";
        }
        return found;
      });
    }).join("");
  }

  /* A page found through a synonym or an old word says which: »barnets plan (tidligere handleplan)«. */
  var SYNONYM_LABEL = {
    da: { old: "tidligere", everyday: "også kaldet" },
    en: { old: "formerly", everyday: "also called" }
  };

  function synonymLabel(doc) {
    var found = labelsFound[doc.location];
    if (!found) return;
    var words = SYNONYM_LABEL[language] || SYNONYM_LABEL.da;
    var labels = found.map(function (way) {
      var synonym = way.synonym;
      return synonym.target + " (" + (synonym.old ? words.old : words.everyday) + " " + synonym.text + ")";
    }).filter(function (text, number, all) { return all.indexOf(text) === number; });
    var markup = labels.map(function (text) {
      return '<span class="soegning__synonym">' + text.replace(/[<>&"]/g, "") + "</span>";
    }).join(" ");
    doc.text = "<p>" + markup + "</p>" + (doc.text || "");
  }

  /* The typed words Material shows a result has and lacks (»Mangler: …«). A word found another way (a
     synonym, a correction, a compound typed as two words) is not missing; a missing word is named as
     the reader typed it, not by its stem. Those it has stay the query's terms: Material puts them in
     the result's link (?h=), and the page marks every word that starts with one. */
  function shownTerms(doc) {
    if (!doc.terms) return;
    var otherwise = foundOtherwise[doc.location], terms = Object.create(null);
    Object.keys(doc.terms).forEach(function (term) {
      var has = Boolean(doc.terms[term] || (otherwise && otherwise.has(term)));
      var name = has ? term : typedWords[term] || term;
      if (!(name in terms)) terms[name] = has;
    });
    doc.terms = terms;
  }

  function present(result) {
    if (suggestion) result.forslag = suggestion;  /* »Mente du …?«, shown by faelles.js */
    var own = [], other = [];
    result.items.forEach(function (group) {
      group.forEach(function (doc) {
        PARTS_FIELDS.forEach(function (name) { delete doc[name]; });
        doc.title = markParts(doc.title, partsFound[doc.location]);
        doc.text = markParts(doc.text, partsFound[doc.location]);
        synonymLabel(doc);
        label(doc);
        shownTerms(doc);
      });
      ((group[0] && (group[0].sprog || "da")) === language ? own : other).push(group);
    });
    result.items = own.concat(other);
    return result;
  }

  /* Incoming: rewrite queries before Material's listener (added later) sees them. */
  addEventListener("message", function (event) {
    if (SETUP === undefined && self.Soegekonstanter) {  /* loaded by now, also from file:// */
      var messages = self.Soegekonstanter.WORKER_MESSAGES;
      SETUP = messages.SETUP;
      QUERY = messages.QUERY;
      RESULT = messages.RESULT;
      PARTS_FIELDS = self.Soegekonstanter.PARTS_FIELDS.slice();
    }
    if (!patched && self.lunr) {
      if (fastBuilder) Indeksbygger.install(self.lunr);  /* first: patchLunr wraps the query it installs */
      patchLunr(self.lunr);
      patched = true;
    }
    var message = event.data;
    if (message && message.type === SETUP && message.data && message.data.docs) {
      known = null;
      partTerms = new Set();
      var fields = (message.data.config || {}).fields || {};
      Object.keys(fields).forEach(function (name) { fieldBoost[name] = fields[name].boost || 1; });
      message.data.docs.forEach(function (doc, number) {
        documentOrder.set(doc.location, number);
        titles.set(doc.location, doc.title);
        if (doc.boost) documentBoost.set(doc.location, doc.boost);
        PARTS_FIELDS.forEach(function (name) {
          if (typeof doc[name] === "string") doc[name].split(" ").forEach(function (term) { partTerms.add(term); });
        });
      });
    }
    if (message && message.type === QUERY && typeof message.data === "string") message.data = rewrite(message.data);
  });

  /* Outgoing: Material answers with postMessage; results are finished here. */
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) present(message.data);
    return post.apply(self, arguments);
  };

  /* Material's worker loads lunr's language support only when the index arrives (SETUP), while the
     reader waits for the first results. This site searches in Danish and English (mkdocs.yml; the
     i18n plugin adds English), so those scripts are loaded now, while the worker waits for the
     index, and Material's later request for them is skipped. Another language set just loads
     later, as in Material. From file:// (the iframe shim) importScripts is asynchronous: a skipped
     request then waits for the scripts loaded here. */
  var languages = ["lunr.stemmer.support.min.js", "lunr.da.min.js", "lunr.multi.min.js"].map(function (name) {
    return new URL("../lunr/min/" + name, script).href;
  });
  var loaded = new Set(languages);
  var load = self.importScripts;
  var loading = load.apply(self, [constants, analyser, builder, engine].concat(languages));
  self.importScripts = function () {
    var wanted = Array.prototype.filter.call(arguments, function (url) {
      return !loaded.has(new URL(url, script).href);
    });
    if (loading && typeof loading.then === "function")
      return loading.then(function () { return load.apply(self, wanted); });
    return load.apply(self, wanted);
  };
})();
