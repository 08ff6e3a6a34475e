// Figures tables sort by any column: a tap on its heading sorts by it (again: the other way).
// Numbers sort as numbers ("1,234", "70.38 %", "¥1,234.56", "9 / 15" by its first number), names
// as Chinese readers order them; a dash sorts last, the organisation's own row stays on top.
document.querySelectorAll('table[data-sortable]').forEach(function (table) {
  var body = table.tBodies[0];
  var collator = new Intl.Collator('zh-CN');
  function key(row, index) {
    var cell = row.cells[index];
    var text = cell ? (cell.querySelector('span, a') || cell).textContent.trim() : '';
    var number = text.replace(/[,¥\s]/g, '').match(/^-?\d+(\.\d+)?/);
    return { text: text, number: number ? parseFloat(number[0]) : null };
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, index) {
    heading.classList.add('sortable-heading');
    heading.setAttribute('role', 'button');
    heading.setAttribute('tabindex', '0');
    function sort() {
      var descending = heading.getAttribute('aria-sort') !== 'descending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
      heading.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(body.rows).filter(function (row) { return !row.hasAttribute('data-pinned'); });
      rows.sort(function (a, b) {
        var x = key(a, index), y = key(b, index);
        var order;
        if (x.number === null || y.number === null) {
          order = x.number === null && y.number === null ? collator.compare(x.text, y.text) : (x.number === null ? 1 : -1);
          return x.number === null && y.number === null ? (descending ? -order : order) : order;
        }
        order = x.number - y.number;
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    heading.addEventListener('click', sort);
    heading.addEventListener('keydown', function (event) { if (event.key === 'Enter') { sort(); } });
  });
});
