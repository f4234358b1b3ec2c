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

  // The map: the constituency under the pointer (or a finger) says its row of the table below:
  // its name, member and count (without JavaScript the table says the same).
  function mapTips(map, table) {
    var tip = document.createElement("p");
    tip.className = "map-tip";
    tip.setAttribute("role", "status");
    map.parentNode.insertBefore(tip, map.nextSibling);
    map.addEventListener("pointerover", function (e) {
      var pc = e.target.getAttribute && e.target.getAttribute("data-pc");
      var row = pc && table.querySelector('tr[data-pc="' + pc + '"]');
      var parts = [];
      for (var i = 0; row && i < row.children.length; i++) parts.push(row.children[i].textContent);
      tip.textContent = parts.join(" · ");
    });
  }

  // The map, zoomed: buttons (in the page's language, from the figure's data), a double click
  // or tap where to look closer, and a drag to move about once zoomed in. The viewBox changes;
  // the server's drawing stays as it is.
  function mapZoom(figure, svg) {
    var home = svg.getAttribute("viewBox").split(" ").map(Number);
    var vb = home.slice();
    var bar = document.createElement("div");
    bar.className = "map-zoom";
    function clamp(v) {
      v[0] = Math.min(Math.max(v[0], home[0]), home[0] + home[2] - v[2]);
      v[1] = Math.min(Math.max(v[1], home[1]), home[1] + home[3] - v[3]);
      return v;
    }
    function set(v) {
      vb = v;
      svg.setAttribute("viewBox", v.join(" "));
      // Zoomed in, a finger moves the map, not the page.
      svg.style.touchAction = v[2] < home[2] ? "none" : "";
    }
    function zoom(k, cx, cy) {
      var w = Math.min(home[2], Math.max(home[2] / 16, vb[2] * k));
      var h = w * home[3] / home[2];
      if (cx === undefined) { cx = vb[0] + vb[2] / 2; cy = vb[1] + vb[3] / 2; }
      set(clamp([cx - w / 2, cy - h / 2, w, h]));
    }
    function button(label, act) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "secondary";
      b.textContent = label;
      b.addEventListener("click", act);
      bar.appendChild(b);
    }
    button(figure.getAttribute("data-zoom-in"), function () { zoom(0.5); });
    button(figure.getAttribute("data-zoom-out"), function () { zoom(2); });
    button(figure.getAttribute("data-zoom-reset"), function () { set(home.slice()); });
    figure.insertBefore(bar, svg);
    svg.addEventListener("dblclick", function (e) {
      var r = svg.getBoundingClientRect();
      zoom(0.5, vb[0] + (e.clientX - r.left) / r.width * vb[2], vb[1] + (e.clientY - r.top) / r.height * vb[3]);
    });
    var start = null;
    svg.addEventListener("pointerdown", function (e) {
      if (vb[2] < home[2]) start = { x: e.clientX, y: e.clientY, vb: vb.slice() };
    });
    svg.addEventListener("pointermove", function (e) {
      if (!start) return;
      var s = start.vb[2] / svg.getBoundingClientRect().width;
      set(clamp([start.vb[0] - (e.clientX - start.x) * s, start.vb[1] - (e.clientY - start.y) * s, start.vb[2], start.vb[3]]));
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (t) {
      svg.addEventListener(t, function () { start = null; });
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
    var map = document.querySelector("figure.map-large svg");
    var mapTable = document.querySelector(".map-table");
    if (map && mapTable) mapTips(map, mapTable);
    if (map) mapZoom(map.parentNode, map);
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
