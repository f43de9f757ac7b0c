// Loaded before Decap CMS: it must not start on its own. It would read its configuration and set up the
// backend before the editor's script (redigering.js) has wrapped the backend and registered the format,
// and the lists would then show translations and front pages. redigering.js starts it when it is ready.
window.CMS_MANUAL_INIT = true;
