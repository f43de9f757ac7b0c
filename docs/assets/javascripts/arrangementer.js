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

  function start(event) {
    return new Date(event.getAttribute("data-start")).getTime();
  }

  /* Upcoming events first, nearest first; then past events, latest first. The build lists
     them latest first, which is the order readers without JavaScript keep. */
  function arrange(list) {
    var events = Array.prototype.filter.call(list.children, function (item) {
      return item.hasAttribute("data-arrangement");
    });
    var upcoming = events.filter(function (event) { return event.getAttribute("data-tid") === "kommende"; });
    var past = events.filter(function (event) { return event.getAttribute("data-tid") !== "kommende"; });
    upcoming.sort(function (a, b) { return start(a) - start(b); });
    past.sort(function (a, b) { return start(b) - start(a); });
    upcoming.concat(past).forEach(function (event) { list.appendChild(event); });
  }

  var now = new Date();
  Array.prototype.forEach.call(document.querySelectorAll("[data-arrangement]"), function (event) {
    update(event, now);
  });
  Array.prototype.forEach.call(document.querySelectorAll("ul.arrangementer"), arrange);
})();
