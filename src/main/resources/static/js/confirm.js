// A button that undoes something people rely on (disabling an account, resetting its password)
// asks first: its data-confirm text is the question. Own script, as the CSP runs no inline code.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
