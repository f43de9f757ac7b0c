/* A faster way for lunr to build the site's search index in the worker, and to query it (used by
   soegning.js).

   Building the index is most of the wait between opening a page and the first results: at 1,000
   practice examples the index holds about 385,000 words. lunr's Builder does all of its work up
   front, most of it for parts of the index that a query never reads:
   - it runs the pipeline (stop-word filters) on every word, not once per distinct word;
   - it creates two objects per word (a lunr.Token and its metadata), and a posting object per
     word, field and page, although a query reads only the postings of the terms it matches;
   - it computes a tf-idf vector per field and page, and soegning.js scores results itself.

   Indeksbygger.install(lunr) replaces Builder#add and Builder#build. For the builder Material sets
   up (metadata "position", Material's tokenizer, b = 0, no segmenter):
   - words are cut exactly as Material's tokenizer cuts them (same position table, same positions,
     which Material highlights results from), without a lunr.Token per word;
   - the pipeline runs once per distinct word;
   - each term's occurrences are a flat list of numbers; its posting object (the one lunr's
     Builder makes) is made the first time a query reads it;
   - a field's vector is worked out only when lunr scores a match against it, from the postings, to
     the same number lunr's vector gives; withoutScores(fn) skips that where the score is not used
     (soegning.js's search, which scores by its own rules).
   Any other builder (another metadata list, length normalisation, a segmenter for Chinese or
   Japanese) is built by lunr's own code.

   It also replaces Index#query with lunr's own steps and bookkeeping that costs less (see query
   below). A result's match data is made only when it is read: soegning.js ranks every match from
   the query's own record of them, and Material reads the match data of the results soegning.js
   returns, at most 200.

   tests/js/indeksbygger.test.js checks that index and query answer as lunr's own, with the same
   scores and match data; tests/test_search_engine_browser.py that the site's search gives the same
   results, highlights and suggestions with both, query by query. */
(function () {
  "use strict";

  /* Material's integrations/search/internal: an HTML string is cut into blocks of tags and text
     (extract), the text into words (tokenize, split); the position table gets one number per tag
     and word (offset << 12 | length << 2 | kind), a word's position is block << 20 | its row. */
  var TAG_OPEN = 0, TEXT = 1, TAG_CLOSE = 2;
  var LESS = 60, GREATER = 62, SLASH = 47;     /* "<", ">", "/" */
  var FIELD_BITS = 3;                          /* occurrence key: page number << 3 | field number */
  var MAX_FIELDS = 1 << FIELD_BITS;

  /* Material's extract and tokenize over one string, indexing each word of a text block (no
     closures: this loop runs once per character of the whole site). */
  function indexString(text, state) {
    var total = state.table.length;
    /* Lower-case the string once and cut words from it, when that gives the words lower-casing
       each word gives (only U+0130 changes length, only a capital sigma depends on its
       neighbours); otherwise word by word, as Material does. */
    var lower = text.toLowerCase();
    var whole = lower.length === text.length && text.indexOf("\u03A3") === -1;
    var block = 0, start = 0, end = 0, stack = 0;
    for (; end < text.length; end++) {
      var code = text.charCodeAt(end);
      if (code === LESS && end > start) {
        indexText(text, whole ? lower : null, start, end, block + total, state);
        start = end;
      } else if (code === GREATER) {
        if (text.charCodeAt(start + 1) === SLASH) {
          if (--stack === 0) addTag(state.table, block++ + total, start, end + 1, TAG_CLOSE);
        } else if (text.charCodeAt(end - 1) !== SLASH) {
          if (stack++ === 0) addTag(state.table, block + total, start, end + 1, TAG_OPEN);
        }
        start = end + 1;
      }
    }
    if (end > start) indexText(text, whole ? lower : null, start, end, block + total, state);
  }

  function addTag(table, block, start, end, kind) {
    (table[block] || (table[block] = [])).push(start << 12 | end - start << 2 | kind);
  }

  /* The words of text[start, end): Material's split, by the separator's character class (each
     character classified once) or, for any other separator, by the RegExp itself. */
  function indexText(text, lower, start, end, block, state) {
    var row = state.table[block] || (state.table[block] = []);
    if (state.kinds) {
      var kinds = state.kinds, from = -1;
      for (var i = start; i <= end; i++) {
        var separates = i === end;
        if (!separates) {
          var code = text.charCodeAt(i);
          var kind = kinds[code];
          if (kind === UNKNOWN) kind = kinds[code] = state.isSeparator.test(text.charAt(i)) ? SEPARATOR : LETTER;
          separates = kind === SEPARATOR;
        }
        if (!separates) {
          if (from === -1) from = i;
        } else if (from !== -1) {
          addWord(text, lower, from, i, block, row, state);
          from = -1;
        }
      }
      return;
    }
    var section = text.slice(start, end);
    var separator = state.separator, at = 0, match;
    separator.lastIndex = 0;
    do {
      match = separator.exec(section);
      var until = match ? match.index : section.length;
      if (at < until) addWord(text, lower, start + at, start + until, block, row, state);
      if (match) {
        at = match.index + match[0].length;
        if (match[0].length === 0) separator.lastIndex = match.index + 1;
      }
    } while (match);
  }

  function addWord(text, lower, from, until, block, row, state) {
    row.push(from << 12 | until - from << 2 | TEXT);
    var word = lower !== null ? lower.slice(from, until) : text.slice(from, until).toLowerCase();
    var lists = state.lists.get(word);
    if (lists === undefined) lists = listsOf(state, word);
    var position = block << 20 | row.length - 1;
    for (var l = 0; l < lists.length; l++) lists[l].push(state.key, position);
  }

  /* A separator that is one character class repeated ("[^…]+", like the site's) cuts a text at
     every run of the class's characters: a test for one character, or null for any other. */
  var CHARACTER_CLASS = /^\[(?:[^\]\\]|\\.)*\]\+$/;
  var UNKNOWN = 0, LETTER = 1, SEPARATOR = 2;

  function characterTest(separator) {
    if (separator.flags.replace("g", "") || !CHARACTER_CLASS.test(separator.source)) return null;
    return new RegExp("^" + separator.source.slice(0, -1) + "$");
  }

  /* The pipeline once per distinct word: usually the word itself, nothing for a stop word. */
  function listsOf(state, word) {
    var tokens = state.pipeline.run([new state.lunr.Token(word, { fields: [state.field] })]);
    var lists = tokens.map(function (token) {
      var term = String(token);
      var list = state.occurrences.get(term);
      if (list === undefined) state.occurrences.set(term, list = []);
      return list;
    });
    state.lists.set(word, lists);
    return lists;
  }

  var scoring = true;  /* false inside withoutScores */

  function withoutScores(fn) {
    var before = scoring;
    scoring = false;
    try { return fn(); } finally { scoring = before; }
  }

  function install(lunr) {
    var add = lunr.Builder.prototype.add;
    var build = lunr.Builder.prototype.build;
    var similarity = lunr.Vector.prototype.similarity;

    /* lunr calls queryVector.similarity(fieldVector) for each field of each matching page. */
    lunr.Vector.prototype.similarity = function (other) {
      if (!other || typeof other.lazyDot !== "function") return similarity.call(this, other);
      if (!scoring) return 0;
      return other.lazyDot(this) / this.magnitude() || 0;
    };

    /* The builder Material sets up, with its tokenizer's table in place (set by its extractor). */
    function handled(builder) {
      var whitelist = builder.metadataWhitelist;
      return whitelist.length === 1 && whitelist[0] === "position" && builder._b === 0 &&
        lunr.segmenter === undefined && lunr.tokenizer.separator instanceof RegExp &&
        Object.keys(builder._fields).length <= MAX_FIELDS;
    }

    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this._fast) {
        if (this.documentCount > 0 || !handled(this)) return add.call(this, doc, attributes);
        this._fast = {
          lunr: lunr,
          pipeline: this.pipeline,
          names: Object.keys(this._fields),
          refs: [],
          boosts: [],
          separator: new RegExp(lunr.tokenizer.separator.source, "g"),
          isSeparator: characterTest(lunr.tokenizer.separator),
          kinds: null,              /* character code -> UNKNOWN, LETTER or SEPARATOR */
          lists: new Map(),         /* word -> the occurrence lists of its terms after the pipeline */
          occurrences: new Map(),   /* term -> [key, position, key, position, ...] in page order */
          table: null, key: 0, field: ""  /* the field being indexed */
        };
        if (this._fast.isSeparator) this._fast.kinds = new Uint8Array(65536);
      }
      var state = this._fast, names = state.names;
      var page = state.refs.push(doc[this._ref]) - 1;
      state.boosts.push(attributes && attributes.boost || 1);
      this.documentCount += 1;
      for (var f = 0; f < names.length; f++) {
        var extractor = this._fields[names[f]].extractor;
        var value = extractor ? extractor(doc) : doc[names[f]];
        if (value === undefined || !Array.isArray(lunr.tokenizer.table)) continue;
        state.table = lunr.tokenizer.table;  /* Material's extractor has just set this field's table */
        state.key = page << FIELD_BITS | f;
        state.field = names[f];
        var inputs = Array.isArray(value) ? value : [value];
        for (var i = 0; i < inputs.length; i++) indexString(inputs[i], state);
      }
    };

    lunr.Builder.prototype.build = function () {
      if (!this._fast) return build.call(this);
      var fast = this._fast, names = fast.names, refs = fast.refs;
      fast.table = null;
      var index = this.invertedIndex;
      var byIndex = [];                       /* term index -> term */
      fast.occurrences.forEach(function (list, term) {
        var termIndex = byIndex.push(term) - 1;
        Object.defineProperty(index, term, {
          configurable: true,
          enumerable: true,
          get: function () {
            var posting = Object.create(null);
            posting._index = termIndex;
            for (var n = 0; n < names.length; n++) posting[names[n]] = Object.create(null);
            for (var i = 0; i < list.length; i += 2) {
              var pages = posting[names[list[i] & MAX_FIELDS - 1]];
              var ref = refs[list[i] >> FIELD_BITS];
              var metadata = pages[ref] || (pages[ref] = { position: [] });
              metadata.position.push(list[i + 1]);
            }
            Object.defineProperty(index, term, { configurable: true, enumerable: true, writable: true, value: posting });
            return posting;
          }
        });
      });
      fast.occurrences = null;
      fast.lists = null;
      this.termIndex = byIndex.length;
      this.createTokenSet();

      /* A field's vector, as lunr's createFieldVectors makes it with b = 0, worked out on demand:
         for each term of the query vector that the field holds, idf * (k1 + 1) * tf / (k1 + tf) *
         field boost * page boost, rounded to three decimals, multiplied in term order as lunr's
         Vector#dot does (the same number, to the last bit). */
      var k1 = this._k1, documentCount = this.documentCount, fields = this._fields;
      var idfs = new Map();
      function FieldVector(page, name) { this.page = page; this.name = name; }
      FieldVector.prototype.lazyDot = function (query) {
        var ref = refs[this.page], fieldBoost = fields[this.name].boost || 1, pageBoost = fast.boosts[this.page];
        var elements = query.elements, sum = 0;
        for (var i = 0; i < elements.length; i += 2) {
          var term = byIndex[elements[i]];
          if (term === undefined) continue;
          var posting = index[term];
          var match = posting[this.name][ref];
          if (match === undefined) continue;
          var idf = idfs.get(term);
          if (idf === undefined) idfs.set(term, idf = lunr.idf(posting, documentCount));
          var tf = match.position.length;
          var score = idf * ((k1 + 1) * tf) / (k1 + tf);
          score *= fieldBoost;
          score *= pageBoost;
          sum += elements[i + 1] * (Math.round(score * 1000) / 1000);
        }
        return sum;
      };
      FieldVector.prototype.toJSON = function () { throw new Error("Indeksbygger: this index cannot be serialised"); };

      var vectors = Object.create(null);
      for (var r = 0; r < refs.length; r++)
        for (var f = 0; f < names.length; f++)
          vectors[names[f] + lunr.FieldRef.joiner + refs[r]] = new FieldVector(r, names[f]);
      var built = new lunr.Index({
        invertedIndex: index,
        fieldVectors: vectors,
        tokenSet: this.tokenSet,
        fields: names,
        pipeline: this.searchPipeline
      });
      lazyIndexes.add(built);
      return built;
    };

    lunr.Index.prototype.query = function (fn) { return query(lunr, this, fn); };
  }

  var lazyIndexes = new WeakSet();  /* indexes built here: their field vectors score on demand */

  /* lunr's Index#query step for step, with the same pages, scores, order and match data, but its
     bookkeeping in Maps and Sets: lunr keys each match by a "field/page" string that it builds,
     parses back and looks up again, and makes a lunr.Set of pages for every term and field even
     where no clause needs one. At 1,000 examples, where »samtal*« matches nearly every page, that
     was most of a keystroke's time. Each result keeps its matches as the query met them and makes
     lunr's match data only when it is read (see Match); inside withoutScores, on an index built
     here, every score is 0 without a field vector being read. */
  function query(lunr, index, fn) {
    var presence = lunr.Query.presence;
    var unscored = !scoring && lazyIndexes.has(index);
    var built = new lunr.Query(index.fields);
    var queryVectors = Object.create(null);
    var requiredMatches = Object.create(null), prohibitedMatches = Object.create(null);
    var termFields = new Set();         /* "term/field" pairs already collected */
    var byField = Object.create(null);  /* field -> page -> its entry */
    var entries = [];                   /* { ref, field, events: [term, metadata, …] }, as lunr meets them */
    for (var f = 0; f < index.fields.length; f++) {
      queryVectors[index.fields[f]] = new lunr.Vector();
      byField[index.fields[f]] = new Map();
    }
    fn.call(built, built);

    for (var c = 0; c < built.clauses.length; c++) {
      var clause = built.clauses[c];
      var terms = clause.usePipeline ? index.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      var clauseMatches = new Set();
      for (var t = 0; t < terms.length; t++) {
        clause.term = terms[t];
        var expanded = index.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
        if (expanded.length === 0 && clause.presence === presence.REQUIRED) {
          for (var k = 0; k < clause.fields.length; k++) requiredMatches[clause.fields[k]] = new Set();
          break;
        }
        for (var e = 0; e < expanded.length; e++) {
          var term = expanded[e], posting = index.invertedIndex[term];
          for (var n = 0; n < clause.fields.length; n++) {
            var field = clause.fields[n], fieldPosting = posting[field];
            var refs = Object.keys(fieldPosting);
            if (clause.presence === presence.PROHIBITED) {
              addAll(prohibitedMatches[field] || (prohibitedMatches[field] = new Set()), refs);
              continue;
            }
            if (clause.presence === presence.REQUIRED) {
              addAll(clauseMatches, refs);
              if (requiredMatches[field] === undefined) requiredMatches[field] = ALL;
            }
            queryVectors[field].upsert(posting._index, clause.boost, sum);
            var termField = term + "/" + field;
            if (termFields.has(termField)) continue;
            var matched = byField[field];
            for (var r = 0; r < refs.length; r++) {
              var entry = matched.get(refs[r]);
              if (entry === undefined) {
                entry = { ref: refs[r], field: field, events: [] };
                matched.set(refs[r], entry);
                entries.push(entry);
              }
              entry.events.push(term, fieldPosting[refs[r]]);
            }
            termFields.add(termField);
          }
        }
      }
      if (clause.presence === presence.REQUIRED) {
        for (var q = 0; q < clause.fields.length; q++)
          requiredMatches[clause.fields[q]] = intersect(requiredMatches[clause.fields[q]], clauseMatches);
      }
    }

    var allRequired = ALL, allProhibited = new Set();
    for (var i = 0; i < index.fields.length; i++) {
      var name = index.fields[i];
      if (requiredMatches[name]) allRequired = intersect(allRequired, requiredMatches[name]);
      if (prohibitedMatches[name]) prohibitedMatches[name].forEach(function (ref) { allProhibited.add(ref); });
    }
    if (built.isNegated()) {  /* only prohibited words (or none): every page but those */
      entries = Object.keys(index.fieldVectors).map(function (key) {
        var fieldRef = lunr.FieldRef.fromString(key);
        return { ref: fieldRef.docRef, field: fieldRef.fieldName, events: [] };
      });
    }

    var results = [], matches = new Map();
    for (var m = 0; m < entries.length; m++) {
      var found = entries[m], ref = found.ref;
      if (!allRequired.has(ref) || allProhibited.has(ref)) continue;
      var score = unscored ? 0
        : queryVectors[found.field].similarity(index.fieldVectors[found.field + lunr.FieldRef.joiner + ref]);
      var match = matches.get(ref);
      if (match !== undefined) {
        match.score += score;
        match.entries.push(found);
      } else {
        match = new Match(lunr, ref, score, found);
        matches.set(ref, match);
        results.push(match);
      }
    }
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  function sum(a, b) { return a + b; }

  /* lunr's sets of pages, as native Sets: lunr.Set.complete is ALL. */
  var ALL = { has: function () { return true; } };

  function intersect(a, b) {
    if (a === ALL) return b;
    if (b === ALL) return a;
    var both = new Set();
    a.forEach(function (ref) { if (b.has(ref)) both.add(ref); });
    return both;
  }

  function addAll(set, refs) {
    for (var i = 0; i < refs.length; i++) set.add(refs[i]);
  }

  /* A result of the query: its matches as the query met them (entries: the page's fields, each with
     its terms and their metadata in order, for soegning.js to rank by), and lunr's match data made
     from them when it is first read, as lunr makes it: for each field, the first term's metadata
     copied, the next ones added, and the fields combined in order. Material reads it only for the
     results soegning.js returns. */
  function Match(lunr, ref, score, entry) {
    this.ref = ref;
    this.score = score;
    this.entries = [entry];
    this.lunr = lunr;
    this.data = null;
  }

  Object.defineProperty(Match.prototype, "matchData", {
    get: function () {
      if (this.data !== null) return this.data;
      for (var e = 0; e < this.entries.length; e++) {
        var entry = this.entries[e], events = entry.events;
        var data = new this.lunr.MatchData(events[0], entry.field, events[1]);
        for (var i = 2; i < events.length; i += 2) data.add(events[i], entry.field, events[i + 1]);
        if (this.data === null) this.data = data;
        else this.data.combine(data);
      }
      return this.data;
    }
  });

  self.Indeksbygger = {
    install: install,
    withoutScores: withoutScores
  };
})();
