// The document and analyze pages: a click on highlighted text (or a claim's button) shows that
// claim's details, which the server rendered (escaped) and hid. Only ids are compared here; no
// text from a document is ever turned into markup, a selector or code.
"use strict";
(function () {
  function show(id, scroll) {
    var panel = document.getElementById("claim-panel");
    if (!panel || !id) { return; }
    panel.querySelectorAll("[data-claim-detail]").forEach(function (el) {
      el.hidden = el.getAttribute("data-claim-detail") !== id;
    });
    var hint = document.getElementById("claim-hint");
    if (hint) { hint.hidden = true; }
    var first = null;
    document.querySelectorAll("#article [data-claims]").forEach(function (el) {
      var on = el.getAttribute("data-claims").split(" ").indexOf(id) >= 0;
      el.classList.toggle("selected", on);
      if (on && !first) { first = el; }
    });
    if (scroll && first) { first.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target instanceof Element ? ev.target.closest("[data-claim], [data-show-claim]") : null;
    if (!target) { return; }
    var id = target.getAttribute("data-claim") || target.getAttribute("data-show-claim");
    show(id, target.hasAttribute("data-show-claim"));
  });
})();
