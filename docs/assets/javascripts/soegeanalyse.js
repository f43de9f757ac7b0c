/* The site's Danish text analyser on the reader's side: site search (workers/soegning.js) and the
   catalogue's free-text filter (katalog.js) analyse typed words with it.
   Its build-time twin is scripts/lib/boerneinddragelse/analysis.py; both are checked against the shared fixture
   tests/search/analyser_cases.yaml (tests/test_analysis.py, tests/test_search_browser.py).

   The matching rule, the same in both searches: stop words are not required (requiredWords); a
   typed word is normalised (NFC, lower case) and
   reduced to its Snowball stem; it matches a page word that starts with the stem (inflections,
   compounds that begin with it; a stem shorter than MIN_PREFIX, a lone letter, matches only the
   same word), or a compound part the build computed (analysis.index_terms) that equals the stem,
   when the stem has at least MIN_PART_STEM letters. */
(function (root) {
  "use strict";

  /* Generated from the Python analyser at build time (soegekonstanter.js, loaded before this file). */
  var constants = root.Soegekonstanter;
  var SEPARATOR = constants.SEPARATOR;
  var MIN_PART_STEM = constants.MIN_PART_STEM;
  var MIN_PREFIX = constants.MIN_PREFIX;
  var STOP_WORDS = constants.STOP_WORDS.slice();  /* Snowball's Danish stop words (lunr.da filters the same) */
  var splitter = new RegExp(SEPARATOR);

  function normalise(text) {
    return String(text).normalize("NFC").toLowerCase();
  }

  function words(text) {
    return normalise(text).split(splitter).filter(Boolean);
  }

  /* Snowball's Danish stemmer (snowballstem.org, danish.sbl, as generated for Snowball 3),
     written out by hand: the same steps as snowballstemmer's danish_stemmer.py. */
  var VOWELS = "aeiouyåæø";
  var UNDOUBLE = "bdfgklmnprst";
  var S_ENDING = "'abcdfghjklmnoprtvyzå";
  var MAIN_SUFFIXES = [
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens", "erets",
    "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene", "ere", "ens",
    "ers", "ets", "en", "er", "es", "et", "e", "s"
  ];
  var OTHER_SUFFIXES = ["elig", "løst", "lig", "els", "ig"];
  var PAIRS = ["gd", "dt", "gt", "kt"];

  function isVowel(ch) { return VOWELS.indexOf(ch) !== -1; }

  function region1(word) {
    var p1 = word.length;
    var start = word.indexOf("'");
    var i = start === -1 ? 0 : start + 1;
    while (i < word.length && !isVowel(word.charAt(i))) i += 1;
    if (i < word.length) {
      i += 1;
      while (i < word.length && isVowel(word.charAt(i))) i += 1;
      if (i < word.length) p1 = i + 1;
    }
    return Math.max(p1, 3);
  }

  /* Longest suffix from list that lies entirely at or after p1. */
  function suffixIn(word, list, p1) {
    for (var i = 0; i < list.length; i++) {
      var suffix = list[i];
      if (word.length - suffix.length >= p1 && word.slice(-suffix.length) === suffix) return suffix;
    }
    return null;
  }

  function consonantPair(word, p1) {
    return suffixIn(word, PAIRS, p1) ? word.slice(0, -1) : word;
  }

  function stem(word) {
    if (word.length < 3) return word;
    var p1 = region1(word);
    var ending = suffixIn(word, MAIN_SUFFIXES, p1);
    if (ending === "s") {
      if (word.length >= 2 && S_ENDING.indexOf(word.charAt(word.length - 2)) !== -1) word = word.slice(0, -1);
    } else if (ending) {
      word = word.slice(0, -ending.length);
    }
    word = consonantPair(word, p1);
    if (word.slice(-4) === "igst") word = word.slice(0, -2);
    var other = suffixIn(word, OTHER_SUFFIXES, p1);
    if (other === "løst") {
      word = word.slice(0, -1);
    } else if (other) {
      word = consonantPair(word.slice(0, -other.length), p1);
    }
    var last = word.charAt(word.length - 1);
    if (word.length - 1 >= p1 && UNDOUBLE.indexOf(last) !== -1 && word.charAt(word.length - 2) === last) {
      word = word.slice(0, -1);
    }
    if (word.charAt(word.length - 1) === "'") word = word.slice(0, -1);
    return word;
  }

  /* What a typed word becomes before matching: its stem (English: the stemmer passed in), cut to
     the part it shares with the word, since it is matched as a prefix of the page's words (Porter
     turns "lundy" into "lundi"; Danish stems are prefixes already). */
  function queryTerm(word, englishStem) {
    var normalised = normalise(word);
    var stemmed = englishStem ? englishStem(normalised) : stem(normalised);
    var shared = 0;
    while (shared < stemmed.length && stemmed.charAt(shared) === normalised.charAt(shared)) shared += 1;
    return stemmed.slice(0, shared);
  }

  /* The typed words a text must have: all but the stop words (all of them if there is nothing else). */
  function requiredWords(query) {
    var typed = words(query);
    var kept = typed.filter(function (word) { return STOP_WORDS.indexOf(word) === -1; });
    return kept.length ? kept : typed;
  }

  /* ---- the readers' own words: synonyms and old words (expand), misspellings and keyboards
     without æøå (corrections); readers_words.py does the same, the shared fixture holds them together. */
  var FOLDS = constants.KEYBOARD_FOLDS;
  var MIN_WORD = constants.MIN_WORD;
  var MAX_WORD = constants.MAX_WORD;
  var MIN_ONE_EDIT = constants.MIN_ONE_EDIT;
  var MIN_TWO_EDITS = constants.MIN_TWO_EDITS;
  var MAX_CORRECTIONS = constants.MAX_CORRECTIONS;
  /* Synonyms as the generated constants hold them ({ord, se, gammelt}), made ready for expand:
     their sources' stems, their targets' words, the longest sources first. */
  function synonyms(list) {
    return list.map(function (s) {
      return { source: s.ord.slice(), target: s.se, old: s.gammelt, text: s.tekst || s.ord.join(" "),
               stems: s.ord.map(function (word) { return stem(word); }), targetWords: requiredWords(s.se) };
    }).sort(function (a, b) { return b.source.length - a.source.length; });
  }
  var SYNONYMS = synonyms(constants.SYNONYMS);
  var LETTERS = new RegExp("^(?:(?!" + SEPARATOR + ")[^0-9])+$");

  function fold(word) {
    for (var i = 0; i < FOLDS.length; i++) word = word.split(FOLDS[i][0]).join(FOLDS[i][1]);
    return word;
  }

  function maxEdits(word) {
    return word.length >= MIN_TWO_EDITS ? 2 : word.length >= MIN_ONE_EDIT ? 1 : 0;
  }

  /* Edit distance (a swap of neighbours is one edit) in a band of 2 * limit + 1, or null above limit. */
  function withinEdits(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return null;
    var big = limit + 1, before = [], previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j <= limit ? j : big);
    for (i = 1; i <= a.length; i++) {
      var row = [], low = big;
      for (j = 0; j <= b.length; j++) row.push(big);
      row[0] = i <= limit ? i : big;
      for (j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1))
          value = Math.min(value, before[j - 2] + 1);
        row[j] = Math.min(value, big);
      }
      for (j = 0; j <= b.length; j++) if (row[j] < low) low = row[j];
      if (low > limit) return null;
      before = previous;
      previous = row;
    }
    return previous[b.length] <= limit ? previous[b.length] : null;
  }

  /* A word list made ready for corrections: its words by folded length (built once per list). */
  function vocabulary(list) {
    var byLength = [];
    var sorted = list.slice().sort();
    sorted.forEach(function (word) {
      if (word.length < MIN_WORD || !LETTERS.test(word)) return;
      var folded = fold(word);
      (byLength[folded.length] || (byLength[folded.length] = [])).push([word, folded]);
    });
    return { words: sorted, byLength: byLength, has: new Set(sorted) };
  }

  /* Does a typed word match any word of the vocabulary (the matching rule, without compound parts)? */
  function foundIn(word, known) {
    var term = stem(normalise(word)), words = known.words;
    if (term.length < MIN_PREFIX) return known.has.has(term);
    var low = 0, high = words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < term) low = middle + 1; else high = middle;
    }
    return low < words.length && words[low].lastIndexOf(term, 0) === 0;
  }

  /* The site words a typed word may stand for: fewest edits away once æ, ø, å are folded. */
  function corrections(word, known) {
    word = normalise(word);
    if (word.length > MAX_WORD || !LETTERS.test(word) || known.has.has(word)) return [];
    var typed = fold(word), limit = maxEdits(word), best = limit + 1, found = [];
    for (var length = typed.length - limit; length <= typed.length + limit; length++) {
      var bucket = known.byLength[length] || [];
      for (var i = 0; i < bucket.length; i++) {
        var distance = withinEdits(typed, bucket[i][1], limit);
        if (distance === null || distance > best) continue;
        if (distance < best) { best = distance; found = []; }
        found.push(bucket[i][0]);
      }
    }
    return found.sort().slice(0, MAX_CORRECTIONS);
  }

  /* How many typed words from at are the synonym's source (inflected, or a one-word source typed as
     two words); 0 if they are not. stems: the typed words' stems, joined: memoised stems of pairs. */
  function sourceAt(typed, stems, joined, at, synonym) {
    var n = synonym.stems.length;
    if (at + n <= typed.length && synonym.stems.every(function (s, k) { return stems[at + k] === s; })) return n;
    if (n !== 1 || at + 1 >= typed.length) return 0;
    if (joined[at] === undefined) joined[at] = stem(typed[at] + typed[at + 1]);
    return joined[at] === synonym.stems[0] ? 2 : 0;
  }

  /* The typed words that count, as slots: a run of words that is a synonym's source is one slot. */
  function expand(query, synonyms) {
    var typed = requiredWords(query), slots = [], at = 0;
    var stems = typed.map(function (word) { return stem(word); }), joined = [];
    var list = synonyms || SYNONYMS;
    while (at < typed.length) {
      var width = 0;
      list.forEach(function (s) { width = Math.max(width, sourceAt(typed, stems, joined, at, s)); });
      var found = width ? list.filter(function (s) { return sourceAt(typed, stems, joined, at, s) === width; }) : [];
      width = width || 1;
      slots.push({ words: typed.slice(at, at + width), synonyms: found });
      at += width;
    }
    return slots;
  }

  /* The ways a slot may be found: its words, each synonym's target words, and for one typed word
     that finds nothing in the vocabulary (when given) and has no synonym, each of its corrections. */
  function alternatives(slot, known) {
    var found = [{ words: slot.words, kind: "ord" }];
    slot.synonyms.forEach(function (s) { found.push({ words: s.targetWords, kind: "synonym", synonym: s }); });
    if (known && slot.words.length === 1 && !slot.synonyms.length && !foundIn(slot.words[0], known))
      corrections(slot.words[0], known).forEach(function (word) { found.push({ words: [word], kind: "rettet" }); });
    return found;
  }

  /* Does a text (its words, and the build's compound parts) contain every typed word that counts,
     or for each, a synonym's target or a correction (known: the vocabulary of all texts searched)? */
  function matcher(query, known, synonymList) {
    var slots = expand(query, synonymList).map(function (slot) {
      return alternatives(slot, known).map(function (a) { return a.words.map(function (w) { return stem(w); }); });
    });
    return function (textWords, parts) {
      function has(term) {
        var prefix = term.length >= MIN_PREFIX;
        for (var i = 0; i < textWords.length; i++) {
          if (prefix ? textWords[i].lastIndexOf(term, 0) === 0 : textWords[i] === term) return true;
        }
        return term.length >= MIN_PART_STEM && parts.indexOf(term) !== -1;
      }
      return slots.every(function (ways) { return ways.some(function (terms) { return terms.every(has); }); });
    };
  }

  root.Soegeanalyse = {
    SEPARATOR: SEPARATOR,
    MIN_PART_STEM: MIN_PART_STEM,
    MIN_PREFIX: MIN_PREFIX,
    STOP_WORDS: STOP_WORDS,
    normalise: normalise,
    words: words,
    requiredWords: requiredWords,
    stem: stem,
    queryTerm: queryTerm,
    matcher: matcher,
    fold: fold,
    maxEdits: maxEdits,
    withinEdits: withinEdits,
    vocabulary: vocabulary,
    foundIn: foundIn,
    corrections: corrections,
    expand: expand,
    alternatives: alternatives,
    synonyms: synonyms,
    SYNONYMS: SYNONYMS
  };
})(typeof self !== "undefined" ? self : this);
