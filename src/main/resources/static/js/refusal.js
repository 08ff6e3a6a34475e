// A refused form on a long page (a case's steps) comes back with the page scrolled to its top; on a
// phone its message would be screens below. Bring the first refusal into view and put the cursor in
// the field it names, so the user sees what to fix without hunting for it (decision 25).
(function () {
  var summary = document.querySelector('[data-testid=form-errors]');
  if (!summary) {
    return;
  }
  summary.scrollIntoView({ block: 'start' });
  var form = summary.closest('form');
  var field = form && form.querySelector('.is-invalid');
  if (field) {
    field.focus({ preventScroll: true });
  }
})();
