// The canonical form of a page in the browser: the same bytes the project's Python side writes
// (canonical.py: PyYAML's block style and quoting, dates unquoted, one blank line before the body).
// Pure functions, no Decap: the agreement test feeds it every page the Python side normalises.
(function (root) {
  "use strict";

  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  // Plain scalars PyYAML's resolver would read as something other than text (YAML 1.1).
  const IMPLICIT = [
    /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    /^(?:~|null|Null|NULL)$/,
    /^[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
    /^(?:<<|=)$/,
  ];
  const INDICATORS = "#,[]{}&*!|>'\"%@`";

  function needsQuotes(text) {
    if (text === "" || text !== text.trim() || /[\n\r]/.test(text) || SPECIAL.test(text)) return true;
    if (text.startsWith("---") || text.startsWith("...")) return true;
    if (INDICATORS.includes(text[0])) return true;
    if ("-?:".includes(text[0]) && (text.length === 1 || text[1] === " ")) return true;
    if (text.includes(": ") || text.includes(" #") || text.endsWith(":")) return true;
    return IMPLICIT.some((pattern) => pattern.test(text));
  }

  // Outside what PyYAML writes as is (allow_unicode): a tab, control characters, U+0085, U+FEFF, surrogates.
  const SPECIAL = /[^\n\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|\uFEFF/u;
  const ESCAPES = { "\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
    "\x1B": "e", '"': '"', "\\": "\\", "\x85": "N", "\xA0": "_", "\u2028": "L", "\u2029": "P" };

  function doubleQuoted(text) {
    let out = "";
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (ch in ESCAPES) out += "\\" + ESCAPES[ch];
      else if (!SPECIAL.test(ch) || ch === "\n") out += ch;
      else if (code <= 0xff) out += "\\x" + code.toString(16).toUpperCase().padStart(2, "0");
      else if (code <= 0xffff) out += "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
      else out += "\\U" + code.toString(16).toUpperCase().padStart(8, "0");
    }
    return '"' + out + '"';
  }

  // Single-quoted as PyYAML writes it: a line break doubled, the next line indented.
  function singleQuoted(text, indent) {
    const pad = " ".repeat(indent);
    const lines = text.replace(/'/g, "''").split("\n");
    let out = lines[0];
    let i = 1;
    while (i < lines.length) {
      let breaks = "\n";
      while (i < lines.length - 1 && lines[i] === "") { breaks += "\n"; i += 1; }
      out += "\n" + breaks.slice(0, -1) + "\n" + pad + lines[i];
      i += 1;
    }
    return "'" + out + "'";
  }

  function scalar(value, indent = 0) {
    if (value === null || value === undefined) return "null";
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return String(value);
    const text = String(value);
    if (!needsQuotes(text)) return text;
    if (SPECIAL.test(text) || / \n|\n /.test(text)) return doubleQuoted(text);
    return singleQuoted(text, indent);
  }

  function isEmptyCollection(value) {
    return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  }

  function block(value, indent) {
    const pad = " ".repeat(indent);
    if (Array.isArray(value)) {
      return value.map((item) => pad + "- " + inline(item, indent + 2).replace(/^ +/, "")).join("");
    }
    return Object.keys(value).map((key) => {
      const inner = value[key];
      if (inner !== null && typeof inner === "object" && !(inner instanceof Date) && !isEmptyCollection(inner)) {
        return pad + scalar(key) + ":\n" + block(inner, indent + 2);
      }
      return pad + scalar(key) + ": " + inline(inner, indent + 2);
    }).join("");
  }

  // A value after "key: " or "- ": a scalar on the line, a collection below it.
  function inline(value, indent) {
    if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      if (Array.isArray(value) && value.length === 0) return "[]\n";
      if (!Array.isArray(value) && Object.keys(value).length === 0) return "{}\n";
      return block(value, indent);
    }
    return scalar(value, indent) + "\n";
  }

  // The page's text from its fields (already in the schema's order) and its body.
  function pageText(fields, body) {
    const yaml = fields && Object.keys(fields).length ? block(fields, 0) : "";
    const trimmed = String(body || "").replace(/^\n+|\n+$/g, "");
    return "---\n" + yaml + "---\n" + (trimmed ? "\n" + trimmed + "\n" : "");
  }

  // Nothing filled in (canonical.py's _is_empty): also a group whose fields are all empty.
  function isEmpty(value) {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
      return Object.values(value).every(isEmpty);
    }
    return value === null || value === undefined || value === false || value === "" ||
      (Array.isArray(value) && value.length === 0);
  }

  // The value in the schema's key order, empty optional fields left out, dates as dates (canonical.py's _ordered).
  function ordered(value, schema) {
    const part = schema || {};
    if (Array.isArray(value)) return value.map((item) => ordered(item, part.items));
    if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      const properties = part.properties || {};
      const required = new Set(part.required || []);
      const keys = Object.keys(properties).filter((key) => key in value)
        .concat(Object.keys(value).filter((key) => !(key in properties)));
      const out = {};
      for (const key of keys) {
        const inner = ordered(value[key], properties[key]);
        if (required.has(key) || !(key in properties) || !isEmpty(inner)) out[key] = inner;
      }
      return out;
    }
    if (typeof value === "string" && part.format === "date" && DATE.test(value)) return new Date(value + "T00:00:00Z");
    return value;
  }

  // The page type whose required fields the page has, the most of them (a form only saves a complete page).
  function schemaFor(fields, schemas) {
    let best = null;
    for (const schema of Object.values(schemas || {})) {
      const required = schema.required || [];
      if (required.every((key) => key in fields) && (!best || required.length > best.required.length)) best = schema;
    }
    return best || {};
  }

  // A page's text as Decap gives it to a format (its fields and the body), in canonical form.
  function fromFields(data, schemas) {
    const fields = Object.assign({}, data);
    const body = fields.body;
    delete fields.body;
    return pageText(ordered(fields, schemaFor(fields, schemas)), body);
  }

  // A page's fields and body from its text; parse reads YAML (js-yaml's core schema: dates stay text).
  function toFields(text, parse) {
    const lines = String(text).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
    const end = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
    if (end === -1) return { body: lines.join("\n") };
    const data = parse(lines.slice(1, end).join("\n")) || {};
    return Object.assign({}, data, { body: lines.slice(end + 1).join("\n").replace(/^\n+/, "") });
  }

  const api = { needsQuotes, scalar, frontMatter: (fields) => block(fields, 0), pageText, DATE, ordered, isEmpty,
    schemaFor, fromFields, toFields };
  // eslint-disable-next-line no-undef -- node tests load it as a CommonJS module
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.kanoniskForm = api;
})(typeof self === "object" ? self : this);
