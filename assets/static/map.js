// The constituency map's enhancements, loaded by the map page alone: without JavaScript the map
// and its table say the same.
(function () {
  "use strict";

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

  var map = document.querySelector("figure.map-large svg");
  var mapTable = document.querySelector(".map-table");
  if (map && mapTable) mapTips(map, mapTable);
  if (map) mapZoom(map.parentNode, map);
})();
