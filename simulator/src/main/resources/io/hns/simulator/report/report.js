// Draws an hns report: reads the JSON in #report-data and renders its sections (tables, time
// series and Pareto charts) with uPlot. When every chart has drawn once, <body> gets
// data-rendered="true" and data-charts=N; on any error, data-render-error with the message.
(function () {
  "use strict";

  var body = document.body;
  var charts = [];
  var expected = 0;
  var drawn = 0;
  var built = false;

  function fail(err) {
    var msg = String((err && err.message) || err);
    body.setAttribute("data-render-error", msg);
    var box = document.getElementById("render-error");
    box.textContent = "The report could not be drawn completely: " + msg;
    box.hidden = false;
  }

  window.addEventListener("error", function (ev) {
    fail(ev.error || ev.message);
  });

  function maybeDone() {
    if (built && drawn === expected && !body.hasAttribute("data-render-error")) {
      body.setAttribute("data-charts", String(expected));
      body.setAttribute("data-rendered", "true");
    }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        e.setAttribute(k, attrs[k]);
      });
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  // ---- formatting ----

  // Simulated seconds as 45s, 5m, 1h30m, 2d3h.
  function fmtTime(s) {
    if (s == null) return "–";
    var neg = s < 0;
    s = Math.abs(s);
    var d = Math.floor(s / 86400);
    var h = Math.floor((s % 86400) / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = Math.round((s % 60) * 1000) / 1000;
    var out = "";
    if (d) out += d + "d";
    if (h) out += h + "h";
    if (m) out += m + "m";
    if (sec || !out) out += sec + "s";
    return (neg ? "-" : "") + out;
  }

  function fmtNum(v) {
    if (v == null || isNaN(v)) return "–";
    var a = Math.abs(v);
    if (a !== 0 && (a < 0.001 || a >= 1e7)) return v.toExponential(3);
    if (Number.isInteger(v)) return v.toLocaleString("en-US");
    return Number(v.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 6 });
  }

  var TIME_INCRS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
    86400, 172800, 604800];

  function alpha(color, a) {
    // #rrggbb -> rgba
    var n = parseInt(color.slice(1), 16);
    return "rgba(" + ((n >> 16) & 255) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }

  function width(container) {
    return Math.max(320, Math.floor(container.clientWidth || 900));
  }

  // Counts the first draw of each chart; the page is "rendered" when all have drawn.
  function firstDrawHook() {
    var done = false;
    return function () {
      if (!done) {
        done = true;
        drawn++;
        maybeDone();
      }
    };
  }

  // ---- blocks ----

  function table(parent, b) {
    var t = el("table", { "class": "data", "data-table": b.id || "" });
    if (b.caption) t.appendChild(el("caption", null, b.caption));
    var thead = el("thead");
    var hr = el("tr");
    b.columns.forEach(function (c) {
      hr.appendChild(el("th", null, c));
    });
    thead.appendChild(hr);
    t.appendChild(thead);
    var tbody = el("tbody");
    b.rows.forEach(function (r) {
      var tr = el("tr");
      r.forEach(function (cell, i) {
        var isNum = typeof cell === "number";
        var td = el(i === 0 ? "th" : "td", isNum ? { "class": "num" } : null,
          isNum ? fmtNum(cell) : String(cell));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    t.appendChild(tbody);
    parent.appendChild(t);
  }

  // Vertical lines with rotated labels at the markers' x.
  function markerHook(markers) {
    return function (u) {
      if (!markers.length) return;
      var ctx = u.ctx;
      var top = u.bbox.top;
      var bottom = u.bbox.top + u.bbox.height;
      var dpr = window.devicePixelRatio || 1;
      ctx.save();
      ctx.strokeStyle = "rgba(90,90,90,0.7)";
      ctx.fillStyle = "#444";
      ctx.lineWidth = dpr;
      ctx.setLineDash([4 * dpr, 3 * dpr]);
      ctx.font = (11 * dpr) + "px sans-serif";
      var lastLabel = -Infinity;
      markers.forEach(function (m) {
        var x = Math.round(u.valToPos(m.x, "x", true));
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        // Labels closer than a line height would overlap: the line alone marks the moment
        // (zoom in to see them).
        if (x - lastLabel < 14 * dpr) return;
        lastLabel = x;
        ctx.save();
        // Rotated a quarter turn, the text reads downwards and its glyphs extend to the left of
        // the anchor: anchored 14 px right of the line, they sit just right of it.
        ctx.translate(x + 14 * dpr, top + 4 * dpr);
        ctx.rotate(Math.PI / 2);
        ctx.textAlign = "left";
        ctx.textBaseline = "top";
        var w = ctx.measureText(m.label).width;
        ctx.fillStyle = "rgba(255,255,255,0.8)";
        ctx.fillRect(-1 * dpr, -1 * dpr, w + 2 * dpr, 13 * dpr);
        ctx.fillStyle = "#444";
        ctx.fillText(m.label, 0, 0);
        ctx.restore();
      });
      ctx.restore();
    };
  }

  function seriesOpts(s) {
    var o = {
      label: s.label,
      stroke: s.color,
      width: 2,
      value: function (u, v) { return fmtNum(v); },
      points: { show: false }
    };
    if (s.style === "STEP" || s.style === "DASH_STEP") o.paths = uPlot.paths.stepped({ align: 1 });
    if (s.style === "DASH" || s.style === "DASH_STEP") o.dash = [6, 4];
    if (s.style === "AREA") o.fill = alpha(s.color, 0.25);
    return o;
  }

  function timeseries(parent, b) {
    var box = el("div", { "class": "chart", "data-chart": b.id, "data-kind": "timeseries" });
    parent.appendChild(box);
    var data = [b.x].concat(b.series.map(function (s) { return s.values; }));
    var yAxis = { label: b.yLabel, size: 60, values: function (u, splits) { return splits.map(fmtNum); } };
    var counts = b.series.every(function (s) {
      return s.values.every(function (v) { return v == null || Number.isInteger(v); });
    });
    if (counts) {
      // Whole numbers (pods, nodes): no ticks at 0.5.
      yAxis.incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
    }
    var opts = {
      width: width(box),
      height: 260,
      scales: { x: { time: false } },
      series: [{ label: "time", value: function (u, v) { return fmtTime(v); } }]
        .concat(b.series.map(seriesOpts)),
      axes: [
        { label: "simulated time", incrs: TIME_INCRS,
          values: function (u, splits) { return splits.map(fmtTime); } },
        yAxis
      ],
      hooks: { draw: [markerHook(b.markers || []), firstDrawHook()] }
    };
    expected++;
    charts.push({ box: box, plot: new uPlot(opts, data, box) });
    if (b.note) parent.appendChild(el("p", { "class": "note" }, b.note));
  }

  // Cost (x) against a metric (y) with confidence-interval whiskers, the front and the recommendation.
  function pareto(parent, b) {
    var box = el("div", { "class": "chart", "data-chart": b.id, "data-kind": "pareto" });
    parent.appendChild(box);
    var pts = b.points.slice().sort(function (p, q) { return p.cost - q.cost || p.metric - q.metric; });
    var xs = pts.map(function (p) { return p.cost; });
    var off = pts.map(function (p) { return p.front ? null : p.metric; });
    var front = pts.map(function (p) { return p.front ? p.metric : null; });
    var rec = pts.map(function (p) { return p.recommended ? p.metric : null; });
    var lo = function (p, k) { return p[k + "Low"] != null ? p[k + "Low"] : p[k]; };
    var hi = function (p, k) { return p[k + "High"] != null ? p[k + "High"] : p[k]; };
    function extent(k) {
      var mn = Infinity, mx = -Infinity;
      pts.forEach(function (p) {
        mn = Math.min(mn, lo(p, k));
        mx = Math.max(mx, hi(p, k));
      });
      if (!isFinite(mn)) { mn = 0; mx = 1; }
      var pad = (mx - mn) * 0.08 || Math.abs(mx) * 0.1 || 1;
      return [mn - pad, mx + pad];
    }
    var xr = extent("cost");
    var yr = extent("metric");
    var noLine = function () { return null; };
    var label = function (u, v, si, i) { return i == null || pts[i] == null ? "–" : pts[i].label; };

    function whiskers(u) {
      var ctx = u.ctx;
      var dpr = window.devicePixelRatio || 1;
      var cap = 4 * dpr;
      ctx.save();
      ctx.lineWidth = 1.5 * dpr;
      pts.forEach(function (p) {
        ctx.strokeStyle = p.front ? "rgba(31,119,180,0.85)" : "rgba(127,127,127,0.8)";
        var x = u.valToPos(p.cost, "x", true);
        var y = u.valToPos(p.metric, "y", true);
        if (p.costLow != null && p.costHigh != null) {
          var x0 = u.valToPos(p.costLow, "x", true), x1 = u.valToPos(p.costHigh, "x", true);
          ctx.beginPath();
          ctx.moveTo(x0, y); ctx.lineTo(x1, y);
          ctx.moveTo(x0, y - cap); ctx.lineTo(x0, y + cap);
          ctx.moveTo(x1, y - cap); ctx.lineTo(x1, y + cap);
          ctx.stroke();
        }
        if (p.metricLow != null && p.metricHigh != null) {
          var y0 = u.valToPos(p.metricLow, "y", true), y1 = u.valToPos(p.metricHigh, "y", true);
          ctx.beginPath();
          ctx.moveTo(x, y0); ctx.lineTo(x, y1);
          ctx.moveTo(x - cap, y0); ctx.lineTo(x + cap, y0);
          ctx.moveTo(x - cap, y1); ctx.lineTo(x + cap, y1);
          ctx.stroke();
        }
      });
      // Each point's name beside it.
      ctx.fillStyle = "#333";
      ctx.font = (11 * dpr) + "px sans-serif";
      ctx.textAlign = "left";
      ctx.textBaseline = "bottom";
      pts.forEach(function (p) {
        ctx.fillText(p.label, u.valToPos(p.cost, "x", true) + 6 * dpr, u.valToPos(p.metric, "y", true) - 4 * dpr);
      });
      ctx.restore();
    }

    var opts = {
      width: width(box),
      height: 380,
      scales: {
        x: { time: false, range: function () { return xr; } },
        y: { range: function () { return yr; } }
      },
      series: [
        { label: "point", value: label },
        { label: "dominated", stroke: "#7f7f7f", fill: "#7f7f7f", paths: noLine,
          points: { show: true, size: 8, fill: "#7f7f7f" }, value: function (u, v) { return fmtNum(v); } },
        { label: "Pareto front", stroke: "#1f77b4", width: 2, spanGaps: true,
          points: { show: true, size: 9, fill: "#1f77b4" }, value: function (u, v) { return fmtNum(v); } },
        { label: "recommended", stroke: "#2ca02c", paths: noLine,
          points: { show: true, size: 18, width: 3, fill: "rgba(0,0,0,0)" }, value: function (u, v) { return fmtNum(v); } }
      ],
      axes: [
        { label: b.xLabel, values: function (u, splits) { return splits.map(fmtNum); } },
        { label: b.yLabel, size: 60, values: function (u, splits) { return splits.map(fmtNum); } }
      ],
      hooks: { draw: [whiskers, firstDrawHook()] }
    };
    expected++;
    charts.push({ box: box, plot: new uPlot(opts, [xs, off, front, rec], box) });
    if (b.note) parent.appendChild(el("p", { "class": "note" }, b.note));
  }

  var RENDERERS = { table: table, timeseries: timeseries, pareto: pareto };

  function render(data) {
    document.title = data.title;
    var header = document.getElementById("header");
    header.appendChild(el("h1", null, data.title));
    if (data.subtitle) header.appendChild(el("p", { "class": "subtitle" }, data.subtitle));
    var main = document.getElementById("sections");
    data.sections.forEach(function (s) {
      var sec = el("section", { id: s.id, "data-section": s.id });
      sec.appendChild(el("h2", null, s.title));
      if (s.intro) sec.appendChild(el("p", { "class": "note" }, s.intro));
      main.appendChild(sec);
      s.blocks.forEach(function (b) {
        if (b.title && b.type !== "table") sec.appendChild(el("h3", null, b.title));
        var r = RENDERERS[b.type];
        if (!r) throw new Error("unknown block type " + b.type);
        r(sec, b);
      });
    });
    document.getElementById("footer").textContent = data.generator;
  }

  try {
    render(JSON.parse(document.getElementById("report-data").textContent));
    built = true;
    maybeDone();
  } catch (e) {
    fail(e);
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (c) {
      c.plot.setSize({ width: width(c.box), height: c.plot.height });
    });
  });
})();
