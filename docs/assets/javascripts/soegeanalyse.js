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

  /* Does a text (its words, and the build's compound parts) contain every typed word that counts? */
  function matcher(query) {
    var terms = requiredWords(query).map(function (word) { return stem(word); });
    return function (textWords, parts) {
      return terms.every(function (term) {
        var prefix = term.length >= MIN_PREFIX;
        for (var i = 0; i < textWords.length; i++) {
          if (prefix ? textWords[i].lastIndexOf(term, 0) === 0 : textWords[i] === term) return true;
        }
        return term.length >= MIN_PART_STEM && parts.indexOf(term) !== -1;
      });
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
    matcher: matcher
  };
})(typeof self !== "undefined" ? self : this);
