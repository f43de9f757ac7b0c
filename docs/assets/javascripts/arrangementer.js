/* Event status decided in the reader's browser against today's date, so that a static
   page does not freeze "upcoming" at build time. Without JavaScript only the dates show. */
(function () {
  "use strict";

  var DANISH = { upcoming: "Kommende", past: "Afholdt", open: "Tilmeldingen er åben", closed: "Tilmeldingsfristen er udløbet" };

  function update(event, now) {
    var status = event.querySelector("[data-arrangement-status]");
    var end = new Date(event.getAttribute("data-slut"));
    var deadlineText = event.getAttribute("data-frist");
    var past = now > end;
    var parts = [past ? DANISH.past : DANISH.upcoming];
    if (!past && deadlineText) {
      parts.push(now > new Date(deadlineText) ? DANISH.closed : DANISH.open);
    }
    event.setAttribute("data-tid", past ? "afholdt" : "kommende");
    event.setAttribute("data-tilmeldingsstatus", !past && deadlineText && now <= new Date(deadlineText) ? "aaben" : "lukket");
    status.textContent = parts.join(" · ");
    status.hidden = false;
    Array.prototype.forEach.call(event.querySelectorAll("[data-tilmelding]"), function (link) {
      if (event.getAttribute("data-tilmeldingsstatus") === "lukket") link.setAttribute("aria-disabled", "true");
    });
  }

  var now = new Date();
  Array.prototype.forEach.call(document.querySelectorAll("[data-arrangement]"), function (event) {
    update(event, now);
  });
})();
