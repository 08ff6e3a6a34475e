// The member card's code lives two minutes: every minute the page asks for a fresh one (its QR code,
// its text, and whether the card is valid now — a payment recorded meanwhile shows at once).
(function () {
  var card = document.querySelector('[data-refresh]');
  if (!card || !window.fetch) {
    return;
  }
  var qr = card.querySelector('[data-testid=card-qr]');
  var code = card.querySelector('[data-testid=card-code]');
  var state = card.querySelector('[data-testid=card-state]');
  var arrears = card.querySelector('[data-testid=card-arrears]');
  var validText = card.querySelector('[data-card-valid-text]').textContent;
  var invalidText = card.querySelector('[data-card-invalid-text]').textContent;
  var refresh = function () {
    fetch(card.dataset.refresh, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) {
          return;
        }
        qr.src = body.qr;
        code.textContent = body.code;
        state.textContent = body.valid ? validText : invalidText;
        state.dataset.valid = body.valid ? 'true' : 'false';
        state.classList.toggle('bg-success', body.valid);
        state.classList.toggle('bg-danger', !body.valid);
        if (arrears) {
          arrears.classList.toggle('d-none', body.valid);
        }
      })
      .catch(function () { /* offline: the next minute tries again */ });
  };
  window.setInterval(refresh, 60000);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      refresh();
    }
  });
})();
