// The notice body's rich-text editor (Quill 1.3.7, decision 0056): shown over the bodyHtml textarea,
// which it hides and fills with the editor's HTML whenever the text changes and on submit. The
// toolbar offers only what the server's sanitiser (NoticeHtml) keeps: headings, bold, italic,
// underline, lists, quotes and links. The textarea's value (the stored body, or what a refused form
// kept) is loaded into the editor. Without JavaScript, or without Quill, the textarea stays the field.
(function () {
  'use strict';
  if (typeof window.Quill === 'undefined') {
    return;
  }
  var FORMATS = ['header', 'bold', 'italic', 'underline', 'list', 'blockquote', 'link'];

  function labels(wrap, tooltip) {
    // the tooltip's words come from the page (the bundles), shown by app.css through attr()
    ['visit', 'enter', 'edit', 'save', 'remove'].forEach(function (name) {
      var text = wrap.getAttribute('data-label-' + name);
      if (text) {
        tooltip.setAttribute('data-label-' + name, text);
        tooltip.querySelectorAll('a').forEach(function (a) {
          a.setAttribute('data-label-' + name, text);
        });
      }
    });
  }

  document.querySelectorAll('[data-notice-editor]').forEach(function (wrap) {
    var source = document.getElementById(wrap.getAttribute('data-notice-editor'));
    var holder = wrap.querySelector('.notice-editor');
    var toolbar = wrap.querySelector('.notice-editor-toolbar');
    if (!source || !source.form || !holder || !toolbar) {
      return;
    }
    wrap.classList.remove('d-none');
    var quill = new window.Quill(holder, {
      theme: 'snow',
      formats: FORMATS,
      placeholder: holder.getAttribute('data-placeholder') || '',
      modules: { toolbar: toolbar }
    });
    if (source.value.trim()) {
      // the stored body (sanitised by the server) or the sender's own refused input
      quill.clipboard.dangerouslyPasteHTML(source.value, 'silent');
    }
    var tooltip = wrap.querySelector('.ql-tooltip');
    if (tooltip) {
      labels(wrap, tooltip);
    }
    function mirror() {
      source.value = quill.getText().trim() === '' ? '' : quill.root.innerHTML;
    }
    source.classList.add('d-none');
    source.setAttribute('aria-hidden', 'true');
    quill.root.setAttribute('aria-labelledby', 'bodyHtml-label');
    var label = document.querySelector('label[for="' + source.id + '"]');
    if (label) {
      label.id = 'bodyHtml-label';
      label.addEventListener('click', function () {
        quill.focus();
      });
    }
    if (source.classList.contains('is-invalid')) {
      wrap.classList.add('is-invalid');
    }
    quill.on('text-change', mirror);
    source.form.addEventListener('submit', mirror);
  });
}());
