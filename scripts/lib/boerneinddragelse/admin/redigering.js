// Our script beside Decap CMS at /admin/. It does three things Decap's configuration cannot.
//
// 1. Nothing reaches main from the browser. Decap's editorial workflow has a »Publicer« button that merges
// the pull request; here publishing (and unpublishing) is refused with a Danish message, so a change is
// merged on GitHub, after review, with the checks the project runs on every pull request.
//
// 2. The editor lists only the Danish pages of a folder. Decap CMS 3.16.3 cannot read our layout
// (x.md Danish, x.en.md English): its i18n "multiple_files" always puts the locale in the file name
// (x.da.md), and a collection's "filter" compares field values, not file names. So a translation would
// show up as a second Danish page, and a section's front page (index.md) as a page of the section's type.
// This wraps the backends' folder listings; the languages come from the generated index page.
//
// 3. A page saved from the form is in the project's canonical form (canonical.py), so its pull request
// passes »Sider i fast form« and its diff shows only what the editor changed: the format »kanonisk«
// (kanonisk.js, with the page types' schemas from kanonisk-skema.js and js-yaml to read a page).
(function () {
  "use strict";

  function editable(path, languages) {
    const name = String(path || "").split("/").pop();
    if (name === "index.md") return false;
    return !languages.some((language) => name.endsWith("." + language + ".md"));
  }

  function keepEditable(entries, languages) {
    if (!Array.isArray(entries)) return entries;
    const kept = entries.filter((entry) => editable(entry && entry.file && entry.file.path, languages));
    // The GitHub backend keeps its paging cursor on the list itself, under a symbol.
    for (const key of Object.getOwnPropertySymbols(entries)) kept[key] = entries[key];
    return kept;
  }

  function wrapListings(implementation, languages) {
    for (const method of ["entriesByFolder", "allEntriesByFolder"]) {
      const original = implementation[method];
      if (typeof original !== "function") continue;
      implementation[method] = async function (...args) {
        return keepEditable(await original.apply(this, args), languages);
      };
    }
    return implementation;
  }

  const REFUSED = "Ændringer udgives ikke herfra. Sæt ændringen til »Klar«. Den bliver udgivet, når en anden " +
    "har godkendt pull requesten på GitHub.";

  function refusePublishing() {
    throw new Error(REFUSED);
  }

  function registerFormat(cms, form, schemas, yaml) {
    if (!form || !yaml || typeof cms.registerCustomFormat !== "function") return;
    cms.registerCustomFormat("kanonisk", "md", {
      fromFile: (text) => form.toFields(text, (source) => yaml.load(source, { schema: yaml.CORE_SCHEMA })),
      toFile: (data) => form.fromFields(data, schemas),
    });
  }

  function install(cms, languages) {
    registerFormat(cms, self.kanoniskForm, self.kanoniskSkemaer, self.jsyaml);
    for (const name of ["prePublish", "preUnpublish"]) {
      cms.registerEventListener({ name, handler: refusePublishing });
    }
    for (const name of ["github", "proxy"]) {
      const backend = cms.getBackend(name);
      if (!backend) continue;
      const init = backend.init;
      backend.init = (...args) => wrapListings(init(...args), languages);
    }
  }

  const script = typeof document !== "undefined" ? document.currentScript : null;
  if (script && typeof CMS !== "undefined") {
    install(CMS, (script.dataset.sprog || "").split(" ").filter(Boolean));
    if (self.CMS_MANUAL_INIT) CMS.init();  // held back by manuel-start.js until the above is in place
  }
  if (typeof self !== "undefined") self.Redigering = { editable, keepEditable, wrapListings, install, REFUSED };
})();
