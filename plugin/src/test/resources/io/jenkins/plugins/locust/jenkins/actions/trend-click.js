/*
 * Test helper (never shipped): once the first trend chart is drawn, sends it the click event ECharts sends its
 * listeners when a user clicks the first point of the first line (headless Chromium cannot aim a real mouse).
 */
(function () {
  "use strict";
  function attempt(triesLeft) {
    var box = document.querySelector(".locust-trend .locust-chart");
    var chart = box && window.echarts && echarts.getInstanceByDom(box);
    var option = chart && chart.getOption();
    if (!option || !option.series || !option.series.length) {
      if (triesLeft > 0) {
        window.setTimeout(function () { attempt(triesLeft - 1); }, 100);
      }
      return;
    }
    var series = option.series[0];
    var index = series.data.findIndex(function (v) { return v !== null; });
    chart.trigger("click", { componentType: "series", seriesType: "line", seriesName: series.name, dataIndex: index });
  }
  window.setTimeout(function () { attempt(100); }, 200);
})();
