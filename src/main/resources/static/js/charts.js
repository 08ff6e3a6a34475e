// Draws the bar charts of figure pages from their data attributes (no inline script: the CSP forbids it).
// On a phone the names are turned and shortened (the whole name in the tooltip), every bar shows
// its value, and a chart with nothing to show says so (data-empty) instead of drawing empty axes.
document.querySelectorAll('[data-chart="bar"]').forEach(function (element) {
  var labels = JSON.parse(element.dataset.labels);
  var values = JSON.parse(element.dataset.values);
  var total = values.reduce(function (sum, value) { return sum + (Number(value) || 0); }, 0);
  if (labels.length === 0 || total === 0) {
    element.classList.add('chart-empty');
    element.textContent = element.dataset.empty || '—';
    return;
  }
  var narrow = element.clientWidth < 480;
  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category', data: labels,
      axisLabel: {
        interval: 0, rotate: narrow ? 45 : (labels.length > 6 ? 30 : 0), hideOverlap: false,
        formatter: function (name) {
          var room = narrow ? 5 : 8;
          return name.length > room ? name.slice(0, room - 1) + '…' : name;
        }
      }
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar', data: values, itemStyle: { color: '#206bc4' },
      label: { show: true, position: 'top', fontSize: narrow ? 10 : 12 }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
