// The check-in page's tap, answered in place: the form is posted with Accept: application/json and
// the outcome ("签到成功 …" or "已于 09:03 签到") replaces the forms — one request instead of a post,
// a redirect and the page again, which is what a door with hundreds of phones needs. Without
// JavaScript (or if the answer is not JSON, e.g. a sign-in has expired) the form posts as before.
// A refused guest form (a field missing) is posted the ordinary way so that the page draws it again
// with the typed values and the message on the field (decision 25).
(function () {
  var outcome = document.querySelector('[data-tap-outcome]');
  var refusal = document.querySelector('[data-tap-refusal]');
  if (!outcome || !window.fetch || !window.FormData) {
    return;
  }
  document.querySelectorAll('form[data-tap]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.plain) {
        return;
      }
      event.preventDefault();
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (b) { b.disabled = true; });
      var plain = function () {
        form.dataset.plain = '1';
        form.submit();
      };
      fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { 'Accept': 'application/json' },
        credentials: 'same-origin',
        redirect: 'manual'
      }).then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('json') < 0) {
          plain();
          return null;
        }
        return response.json().then(function (body) {
          if (response.ok) {
            outcome.textContent = body.outcome;
            outcome.classList.replace('d-none', 'd-block');
            outcome.dataset.testid = 'check-in-outcome';
            refusal.classList.replace('d-block', 'd-none');
            document.querySelectorAll('form[data-tap]').forEach(function (f) { f.classList.add('d-none'); });
            var signIn = document.querySelector('[data-testid=member-sign-in]');
            if (signIn) {
              signIn.classList.add('d-none');
            }
          } else if (form.dataset.testid === 'guest-form' && !(body.errors || []).some(function (e) { return e.field === 'code'; })) {
            plain();
          } else {
            refusal.textContent = body.detail;
            refusal.classList.replace('d-none', 'd-block');
            buttons.forEach(function (b) { b.disabled = false; });
          }
        });
      }).catch(plain);
    });
  });
})();
