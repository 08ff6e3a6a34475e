// Draws the bar charts of figure pages from their data attributes (no inline script: the CSP forbids it).
document.querySelectorAll('[data-chart="bar"]').forEach(function (element) {
  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    grid: { left: 40, right: 16, top: 16, bottom: 60 },
    tooltip: {},
    xAxis: { type: 'category', data: JSON.parse(element.dataset.labels), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: JSON.parse(element.dataset.values), itemStyle: { color: '#206bc4' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
