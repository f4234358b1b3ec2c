// Progressive enhancement only: every function here also works without JavaScript.
(function () {
  "use strict";

  // The constituency list shows only the chosen state's constituencies.
  function filterConstituencies(stateSelect, pcSelect) {
    var state = stateSelect.value;
    var groups = pcSelect.querySelectorAll("optgroup");
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      var show = !state || g.getAttribute("data-state") === state;
      g.hidden = !show;
      g.disabled = !show;
    }
    var chosen = pcSelect.options[pcSelect.selectedIndex];
    if (chosen && chosen.parentNode.tagName === "OPTGROUP" && chosen.parentNode.disabled) {
      pcSelect.value = "";
    }
  }

  // Typing a known PIN code pre-selects state and constituency; both stay changeable.
  function lookupPin(pinInput, stateSelect, pcSelect) {
    var pin = pinInput.value.replace(/\s+/g, "");
    if (!/^[1-9][0-9]{5}$/.test(pin)) return;
    fetch("/api/pincodes/" + pin, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.state) return;
        stateSelect.value = data.state;
        filterConstituencies(stateSelect, pcSelect);
        if (data.constituency && !pcSelect.value) pcSelect.value = data.constituency;
      })
      .catch(function () {});
  }

  // While a petition's title is typed, open petitions like it are suggested (without
  // JavaScript the preview step shows the same list).
  function suggestSimilar(title, box) {
    var timer = null;
    var lang = document.documentElement.lang;
    title.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = title.value.trim();
        if (q.length < 3) return;
        fetch("/api/petitions/similar?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (list) {
            while (box.firstChild) box.removeChild(box.firstChild);
            if (!list.length) return;
            var h = document.createElement("h2");
            h.textContent = box.getAttribute("data-heading");
            var ul = document.createElement("ul");
            list.forEach(function (p) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = p.url;
              a.textContent = lang === "hi" && p.title_hi ? p.title_hi : p.title;
              li.appendChild(a);
              ul.appendChild(li);
            });
            box.appendChild(h);
            box.appendChild(ul);
          })
          .catch(function () {});
      }, 300);
    });
  }

  // A partner's link (?source=...) on a page kept for everyone: the sign form carries its code.
  function carrySource() {
    var field = document.getElementById("source");
    var found = /[?&]source=([^&#]*)/.exec(window.location.search);
    if (field && !field.value && found) {
      field.value = decodeURIComponent(found[1].replace(/\+/g, " "));
    }
  }

  function init() {
    carrySource();
    var petitionTitle = document.querySelector(".petition-form #title");
    var similar = document.getElementById("similar");
    if (petitionTitle && similar) suggestSimilar(petitionTitle, similar);
    var pin = document.getElementById("pin_code");
    var state = document.getElementById("state");
    var pc = document.getElementById("constituency");
    if (pin && state && pc) {
      filterConstituencies(state, pc);
      state.addEventListener("change", function () { filterConstituencies(state, pc); });
      pin.addEventListener("input", function () { lookupPin(pin, state, pc); });
      var lookup = document.querySelector(".lookup");
      if (lookup) lookup.hidden = true;
    }
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) {
      (function (b) {
        var target = document.getElementById(b.getAttribute("data-copy"));
        if (!target || !navigator.clipboard) return;
        b.hidden = false;
        b.addEventListener("click", function () {
          navigator.clipboard.writeText(target.value).then(function () {
            b.textContent = b.getAttribute("data-done");
          });
        });
      })(buttons[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
