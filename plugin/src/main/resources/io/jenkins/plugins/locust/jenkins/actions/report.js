/*
 * The Locust load test pages in Jenkins: the build report (live while the test runs), the job's trend charts and the
 * build comparison. Data comes as JSON from the actions' endpoints named in data-* attributes; nothing is inline
 * (Jenkins' content security policy), and every text from the result is set as text, never as HTML.
 */
(function () {
  "use strict";

  var POLL_MS = 2000;

  /* Translations of the page's texts, from the view's data-labels (its _zh_CN.properties); English is the key. */
  var LABELS = {};

  function useLabels(root) {
    try {
      var labels = JSON.parse(root.getAttribute("data-labels") || "{}");
      Object.keys(labels).forEach(function (k) { LABELS[k] = labels[k]; });
    } catch (e) {
      /* no translations: the English texts */
    }
  }

  function t(text, args) {
    var translated = Object.prototype.hasOwnProperty.call(LABELS, text) ? LABELS[text] : text;
    return (args || []).reduce(function (result, arg, i) { return result.split("{" + i + "}").join(String(arg)); }, translated);
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ": HTTP " + r.status);
      }
      return r.json();
    });
  }

  function number(value, digits) {
    if (value === null || value === undefined) {
      return "–";
    }
    return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  function percent(ratio) {
    return ratio === null || ratio === undefined ? "–" : number(ratio * 100, 2) + " %";
  }

  function textColor() {
    return getComputedStyle(document.body).getPropertyValue("--text-color").trim() || "#333";
  }

  /* One ECharts chart in a fresh box; charts resize with the window. */
  function chart(container, id, title) {
    var box = el("div", { class: "locust-chart", id: id, "data-title": title });
    container.appendChild(box);
    var instance = echarts.init(box);
    window.addEventListener("resize", function () {
      instance.resize();
    });
    return instance;
  }

  function lineOption(title, unit, series, xName) {
    return {
      title: { text: title, textStyle: { fontSize: 14, color: textColor() } },
      tooltip: { trigger: "axis" },
      legend: { top: 24, textStyle: { color: textColor() } },
      grid: { top: 64, left: 64, right: 24, bottom: 40 },
      xAxis: { type: "value", name: xName, nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", name: unit },
      animation: false,
      series: series
    };
  }

  /* ---- the build report ---- */

  function timeSeries(modelChart) {
    return modelChart.series.map(function (s) {
      return {
        name: s.name,
        type: "line",
        showSymbol: false,
        data: s.points.map(function (p) {
          return [p.x, p.y];
        })
      };
    });
  }

  function drawTimeCharts(container, charts, instances) {
    charts.forEach(function (c) {
      var instance = instances[c.id] || (instances[c.id] = chart(container, c.id, t(c.title)));
      instance.setOption(lineOption(t(c.title), c.unit, timeSeries(c), "seconds"), true);
    });
  }

  function drawDistribution(container, buckets) {
    var instance = chart(container, "chart-distribution", t("Response time distribution"));
    instance.setOption({
      title: { text: t("Response time distribution"), textStyle: { fontSize: 14, color: textColor() } },
      tooltip: { trigger: "axis" },
      grid: { top: 48, left: 64, right: 24, bottom: 56 },
      xAxis: {
        type: "category",
        name: "ms",
        data: buckets.map(function (b) {
          return b.toMs - b.fromMs > 1 ? b.fromMs + "–" + (b.toMs - 1) : String(b.fromMs);
        })
      },
      yAxis: { type: "value", name: "requests" },
      animation: false,
      series: [{ name: "requests", type: "bar", data: buckets.map(function (b) { return b.requests; }) }]
    });
  }

  /* A table whose columns sort on click (numbers numerically, text alphabetically). */
  function table(cssClass, columns, rows) {
    var head = el("tr", {}, columns.map(function (c) { return el("th", { text: c.title, class: c.numeric ? "num" : "" }); }));
    var body = el("tbody");
    function fill(sorted) {
      body.textContent = "";
      sorted.forEach(function (row) {
        body.appendChild(el("tr", { class: row.rowClass || "" }, columns.map(function (c) {
          var cell = el("td", { text: c.format ? c.format(row[c.key], row) : row[c.key] });
          if (c.numeric) {
            cell.className = "num";
          }
          if (c.cellClass) {
            var extra = c.cellClass(row);
            if (extra) {
              cell.className += " " + extra;
            }
          }
          return cell;
        })));
      });
    }
    var order = { key: null, up: true };
    Array.prototype.forEach.call(head.children, function (th, i) {
      th.addEventListener("click", function () {
        var key = columns[i].key;
        order = { key: key, up: order.key === key ? !order.up : true };
        var sorted = rows.slice().sort(function (a, b) {
          var x = a[key];
          var y = b[key];
          var cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return order.up ? cmp : -cmp;
        });
        fill(sorted);
        th.parentNode.setAttribute("data-sorted-by", key + (order.up ? " asc" : " desc"));
      });
    });
    fill(rows);
    return el("table", { class: "jenkins-table locust-" + cssClass }, [el("thead", {}, [head]), body]);
  }

  function section(container, title, content) {
    container.appendChild(el("h2", { text: title }));
    container.appendChild(content);
  }

  function cards(summary) {
    var items = [
      [t("Verdict"), summary.verdict],
      [t("Requests"), number(summary.requests, 0)],
      [t("Failed"), percent(summary.failRatio)],
      [t("Requests/s"), number(summary.rps)],
      [t("p50"), number(summary.p50Ms, 0) + " ms"],
      [t("p95"), number(summary.p95Ms, 0) + " ms"],
      [t("p99"), number(summary.p99Ms, 0) + " ms"],
      [t("Users"), number(summary.users, 0)],
      [t("Workers"), number(summary.workers, 0)],
      [t("Duration"), number(summary.durationSeconds) + " s"]
    ];
    return el("div", { class: "locust-cards" }, items.map(function (item) {
      return el("div", { class: "locust-card" + (item === items[0] ? " verdict-" + item[1].toLowerCase() : "") }, [
        el("div", { class: "locust-card-label", text: item[0] }),
        el("div", { class: "locust-card-value", text: item[1] })
      ]);
    }));
  }

  function deltaTable(comparison) {
    var rows = [];
    comparison.endpoints.forEach(function (row) {
      row.metrics.forEach(function (m) {
        rows.push({
          endpoint: row.endpoint,
          metric: m.metric,
          base: m.base,
          current: m.current,
          delta: m.deltaPercent,
          change: m.change,
          rowClass: "change-" + m.change.toLowerCase().replace("_", "-")
        });
      });
    });
    return table("deltas", [
      { key: "endpoint", title: t("Endpoint") },
      { key: "metric", title: t("Metric") },
      { key: "base", title: "#" + comparison.baseBuild, numeric: true, format: function (v) { return number(v); } },
      { key: "current", title: "#" + comparison.currentBuild, numeric: true, format: function (v) { return number(v); } },
      { key: "delta", title: t("Change"), numeric: true, format: function (v) { return v === null ? "–" : (v > 0 ? "+" : "") + number(v) + " %"; } },
      { key: "change", title: "", format: function (v) { return v === "NOT_COMPARABLE" ? "" : v.toLowerCase(); } }
    ], rows);
  }

  function renderReport(root, page) {
    root.textContent = "";
    root.setAttribute("data-state", "final");
    var charts = el("div", { class: "locust-charts" });
    root.appendChild(cards(page.summary));
    page.warnings.forEach(function (w) {
      root.appendChild(el("div", { class: "locust-warning", text: w }));
    });
    page.workers.filter(function (w) { return w.cpuBound; }).forEach(function (w) {
      root.appendChild(el("div", {
        class: "locust-warning cpu-bound",
        text: t("Load generator {0} used {1} % CPU: the numbers may measure the generator, not the target.", [w.id, number(w.maxCpuPercent)])
      }));
    });
    section(root, t("Thresholds"), table("thresholds", [
      { key: "expression", title: t("Threshold") },
      { key: "status", title: t("Outcome"), cellClass: function (r) { return "outcome-" + r.status.toLowerCase(); } },
      { key: "severity", title: t("Level") },
      { key: "actual", title: t("Measured") },
      { key: "limit", title: t("Limit") },
      { key: "message", title: "" }
    ], page.thresholds));
    section(root, t("Charts"), charts);
    var instances = {};
    drawTimeCharts(charts, page.charts, instances);
    drawDistribution(charts, page.distribution);
    section(root, t("Endpoints"), table("endpoints", [
      { key: "endpoint", title: t("Endpoint") },
      { key: "requests", title: t("Requests"), numeric: true, format: function (v) { return number(v, 0); } },
      { key: "failures", title: t("Failures"), numeric: true, format: function (v) { return number(v, 0); } },
      { key: "failRatio", title: t("Failed"), numeric: true, format: percent },
      { key: "rps", title: t("Req/s"), numeric: true, format: function (v) { return number(v); } },
      { key: "avgMs", title: t("Avg ms"), numeric: true, format: function (v) { return number(v); } },
      { key: "p50Ms", title: "p50", numeric: true },
      { key: "p90Ms", title: "p90", numeric: true },
      { key: "p95Ms", title: "p95", numeric: true },
      { key: "p99Ms", title: "p99", numeric: true },
      { key: "maxMs", title: t("Max ms"), numeric: true, format: function (v) { return number(v, 0); } }
    ], page.endpoints));
    if (page.baseline) {
      section(root, t("Compared with build #{0}", [page.baseline.baseBuild]), deltaTable(page.baseline));
    }
    if (page.failures.length) {
      section(root, t("Failures"), table("failures", [
        { key: "method", title: t("Method") },
        { key: "name", title: t("Name") },
        { key: "error", title: t("Error") },
        { key: "occurrences", title: t("Count"), numeric: true }
      ], page.failures));
    }
    if (page.exceptions.length) {
      section(root, t("Exceptions"), table("exceptions", [
        { key: "count", title: t("Count"), numeric: true },
        { key: "message", title: t("Exception") },
        { key: "traceback", title: t("Traceback") }
      ], page.exceptions));
    }
    section(root, t("Load generators"), table("workers", [
      { key: "id", title: t("Worker") },
      { key: "state", title: t("State") },
      { key: "users", title: t("Users"), numeric: true },
      { key: "maxCpuPercent", title: t("Max CPU %"), numeric: true, format: function (v) { return v === null ? t("not measured") : number(v); },
        cellClass: function (r) { return r.cpuBound ? "cpu-bound" : ""; } }
    ], page.workers));
    section(root, t("Timings"), table("timings", [
      { key: "name", title: t("Phase") },
      { key: "at", title: t("At") },
      { key: "secondsAfterLaunch", title: "s after launch", numeric: true, format: function (v) { return number(v); } }
    ], page.timings));
  }

  /* While the run is going: the live charts from the reporter's snapshots, then the final report. */
  function live(root) {
    var charts = el("div", { class: "locust-charts" });
    var status = el("p", { class: "locust-live-status", text: t("Waiting for the first numbers…") });
    root.textContent = "";
    root.setAttribute("data-state", "live");
    root.appendChild(status);
    root.appendChild(charts);
    var instances = {};
    function poll() {
      getJson(root.getAttribute("data-live-url")).then(function (progress) {
        if (progress.finished) {
          return getJson(root.getAttribute("data-page-url")).then(function (page) {
            renderReport(root, page);
          });
        }
        var s = progress.snapshots;
        var last = s.length ? s[s.length - 1] : null;
        status.textContent = progress.phase + (last
          ? t(": {0} of {1} users, {2} req/s, p95 {3} ms", [last.users, progress.plannedUsers, number(last.rps), last.p95Ms])
          : "");
        function series(name, value) {
          return { name: name, points: s.map(function (x) { return { x: x.elapsedSeconds, y: value(x) }; }) };
        }
        drawTimeCharts(charts, [
          { id: "chart-users", title: t("Users"), unit: "users", series: [series(t("Users"), function (x) { return x.users; })] },
          { id: "chart-rps", title: t("Requests per second"), unit: "per second", series: [
            series(t("Requests/s"), function (x) { return x.rps; }),
            series(t("Failures/s"), function (x) { return x.failuresPerSecond; })] },
          { id: "chart-times", title: t("Response times"), unit: "ms", series: [
            series("p50", function (x) { return x.p50Ms; }),
            series("p95", function (x) { return x.p95Ms; }),
            series("p99", function (x) { return x.p99Ms; })] }
        ], instances);
        window.setTimeout(poll, POLL_MS);
      }).catch(function (e) {
        status.textContent = t("Could not read the progress: {0}", [e.message]);
        window.setTimeout(poll, POLL_MS * 5);
      });
    }
    poll();
  }

  /* ---- the job's trends: one chart per metric, one line per named report; a click opens that build's report. */

  function renderTrend(root, document_) {
    var model = document_.trend;
    var urls = document_.reportUrls;
    root.textContent = "";
    if (!model.builds.length) {
      root.appendChild(el("p", { text: t("No load test results yet.") }));
      return;
    }
    model.charts.forEach(function (c) {
      var instance = chart(root, "trend-" + c.id, c.title);
      instance.setOption({
        title: { text: c.title, textStyle: { fontSize: 14, color: textColor() } },
        tooltip: { trigger: "axis" },
        legend: { top: 24, textStyle: { color: textColor() } },
        grid: { top: 64, left: 64, right: 24, bottom: 32 },
        xAxis: { type: "category", data: model.builds.map(function (b) { return "#" + b; }) },
        yAxis: { type: "value", name: c.unit },
        animation: false,
        series: c.series.map(function (s) {
          return { name: s.name, type: "line", connectNulls: false, symbolSize: 8, data: s.values };
        })
      });
      instance.on("click", function (event) {
        var report = urls[event.seriesName];
        if (report) {
          window.location.href = root.getAttribute("data-job-url") + model.builds[event.dataIndex] + "/" + report + "/";
        }
      });
    });
  }

  function renderComparison(root, comparison) {
    root.textContent = "";
    root.appendChild(deltaTable(comparison));
    section(root, t("Thresholds"), table("thresholds", [
      { key: "expression", title: t("Threshold") },
      { key: "base", title: "#" + comparison.baseBuild, format: function (v, r) { return v === null ? "–" : v + (r.baseActual ? " (" + r.baseActual + ")" : ""); } },
      { key: "current", title: "#" + comparison.currentBuild, format: function (v, r) { return v === null ? "–" : v + (r.currentActual ? " (" + r.currentActual + ")" : ""); } }
    ], comparison.thresholds));
  }

  function failed(root, error) {
    root.textContent = "";
    root.appendChild(el("div", { class: "locust-warning", text: t("The load test data could not be shown: {0}", [error.message]) }));
  }

  function start() {
    document.querySelectorAll(".locust-report[data-page-url]").forEach(function (root) {
      useLabels(root);
      if (root.getAttribute("data-running") === "true") {
        live(root);
      } else {
        getJson(root.getAttribute("data-page-url")).then(function (page) { renderReport(root, page); })
          .catch(function (e) { failed(root, e); });
      }
    });
    document.querySelectorAll(".locust-trend[data-trend-url]").forEach(function (root) {
      useLabels(root);
      getJson(root.getAttribute("data-trend-url")).then(function (model) { renderTrend(root, model); })
        .catch(function (e) { failed(root, e); });
    });
    document.querySelectorAll(".locust-compare[data-compare-url]").forEach(function (root) {
      useLabels(root);
      getJson(root.getAttribute("data-compare-url") + window.location.search).then(function (c) { renderComparison(root, c); })
        .catch(function (e) { failed(root, e); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
