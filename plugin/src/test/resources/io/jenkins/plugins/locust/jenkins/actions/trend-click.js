/* Test helper (never shipped): once the first trend chart is drawn, clicks its first point as a user would. */
(function () {
  "use strict";
  function fire(target, type, x, y) {
    var init = { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, pointerId: 1, pointerType: "mouse" };
    target.dispatchEvent(type.indexOf("pointer") === 0 ? new PointerEvent(type, init) : new MouseEvent(type, init));
  }
  function attempt(triesLeft) {
    var box = document.querySelector(".locust-trend .locust-chart");
    var chart = box && window.echarts && echarts.getInstanceByDom(box);
    if (!chart || !chart.getOption() || !chart.getOption().series.length) {
      if (triesLeft > 0) {
        window.setTimeout(function () { attempt(triesLeft - 1); }, 100);
      }
      return;
    }
    var series = chart.getOption().series[0];
    var index = series.data.findIndex(function (v) { return v !== null; });
    var point = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [index, series.data[index]]);
    var canvas = box.querySelector("canvas");
    var rect = canvas.getBoundingClientRect();
    var x = rect.left + point[0];
    var y = rect.top + point[1];
    fire(canvas, "mousemove", x, y);
    fire(canvas, "pointerdown", x, y);
    fire(canvas, "mousedown", x, y);
    fire(canvas, "pointerup", x, y);
    fire(canvas, "mouseup", x, y);
    fire(canvas, "click", x, y);
  }
  window.setTimeout(function () { attempt(100); }, 200);
})();
