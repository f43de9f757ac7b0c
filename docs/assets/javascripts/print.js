/* Before printing, give every link in the text its full address, so that a printed page
   shows where its links lead (the print stylesheet writes it after the link text). */
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
      link.setAttribute("data-print-url", link.href.replace(/[?#].*$/, function (tail) { return tail.charAt(0) === "#" ? tail : ""; }));
    });
  });
})();
