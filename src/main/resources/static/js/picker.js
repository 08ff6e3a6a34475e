// A searchable picker (fragments/picker.html): type part of a name (西兆通) and choose from the list
// (西兆通镇); the choice's code or id goes into the hidden input the form sends. The server draws the
// value and its label again on a refused form; without script the <noscript> field stands in.
// Keys: up and down move through the list, Enter chooses, Escape closes it. Words come from the
// page (data-picker-empty, data-picker-failed, the placeholder): this file has none of its own.
(function () {
  'use strict';

  function init(root) {
    if (root.dataset.pickerReady) {
      return;
    }
    var search = root.querySelector('[data-picker-search]');
    var value = root.querySelector('[data-picker-value]');
    var list = root.querySelector('[role=listbox]');
    var detail = root.querySelector('[data-picker-detail]');
    if (!search || !value || !list) {
      return;
    }
    root.dataset.pickerReady = 'true';
    var free = root.hasAttribute('data-picker-free');
    var chosenLabel = search.value;
    var choices = [];
    var active = -1;
    var timer = null;
    var asked = 0;
    value.disabled = false;
    search.hidden = false;

    function url(text) {
      var base = root.getAttribute('data-picker');
      var params = root.getAttribute('data-picker-params');
      return base + (base.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(text) + (params ? '&' + params : '');
    }

    function open(shown) {
      list.hidden = !shown;
      search.setAttribute('aria-expanded', shown ? 'true' : 'false');
      if (!shown) {
        search.removeAttribute('aria-activedescendant');
      }
    }

    function note(text) {
      choices = [];
      active = -1;
      list.textContent = '';
      var item = document.createElement('li');
      item.className = 'picker-note';
      item.textContent = text;
      list.appendChild(item);
      open(true);
    }

    function show(found, quiet) {
      if (!found.length) {
        if (quiet) {
          open(false);
        } else {
          note(root.getAttribute('data-picker-empty'));
        }
        return;
      }
      choices = found;
      active = -1;
      list.textContent = '';
      found.forEach(function (choice, index) {
        var item = document.createElement('li');
        item.id = list.id + '-' + index;
        item.className = 'picker-choice';
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        var label = document.createElement('span');
        label.className = 'picker-choice-label';
        label.textContent = choice.label;
        item.appendChild(label);
        if (choice.detail) {
          var where = document.createElement('span');
          where.className = 'picker-choice-detail';
          where.textContent = choice.detail;
          item.appendChild(where);
        }
        // keep the focus in the field, so that choosing does not close the list first
        item.addEventListener('mousedown', function (event) { event.preventDefault(); });
        item.addEventListener('click', function () { choose(index); });
        list.appendChild(item);
      });
      open(true);
    }

    function find(text, quiet) {
      var mine = ++asked;
      fetch(url(text), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (found) {
          if (mine === asked && document.activeElement === search) {
            show(found, quiet);
          }
        })
        .catch(function () {
          if (mine === asked && document.activeElement === search) {
            note(root.getAttribute('data-picker-failed'));
          }
        });
    }

    function highlight(index) {
      var items = list.querySelectorAll('[role=option]');
      if (!items.length) {
        return;
      }
      active = Math.max(0, Math.min(index, items.length - 1));
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      });
      search.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    }

    function choose(index) {
      var choice = choices[index];
      if (!choice) {
        return;
      }
      value.value = choice.value;
      search.value = choice.label;
      chosenLabel = choice.label;
      if (detail) {
        detail.textContent = choice.detail || '';
      }
      open(false);
      value.dispatchEvent(new Event('change', { bubbles: true }));
      if (root.hasAttribute('data-picker-submit') && search.form) {
        search.form.requestSubmit();
      }
    }

    search.addEventListener('input', function () {
      if (search.value !== chosenLabel) {
        // what is typed is no longer the choice: the form sends nothing (a filter: what is typed)
        value.value = free ? search.value.trim() : '';
        chosenLabel = null;
        if (detail) {
          detail.textContent = '';
        }
      }
      clearTimeout(timer);
      var text = search.value.trim();
      timer = setTimeout(function () { find(text, text === ''); }, 200);
    });
    search.addEventListener('focus', function () {
      if (search.value.trim() === '') {
        find('', true);
      }
    });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'Down') {
        event.preventDefault();
        if (list.hidden) {
          find(search.value.trim(), false);
        } else {
          highlight(active + 1);
        }
      } else if (event.key === 'ArrowUp' || event.key === 'Up') {
        event.preventDefault();
        if (!list.hidden) {
          highlight(active - 1);
        }
      } else if (event.key === 'Enter') {
        if (!list.hidden) {
          var index = active >= 0 ? active : choices.length === 1 ? 0 : -1;
          if (index < 0 && free) {
            // a filter takes what was typed: Enter sends it
            open(false);
            return;
          }
          // choosing, not sending the form: the highlighted choice, or the only one
          event.preventDefault();
          choose(index);
        }
      } else if (event.key === 'Escape' || event.key === 'Esc') {
        if (!list.hidden) {
          event.preventDefault();
          open(false);
        }
      }
    });
    search.addEventListener('blur', function () {
      open(false);
    });
  }

  function initAll(scope) {
    if (scope.querySelectorAll) {
      Array.prototype.forEach.call(scope.querySelectorAll('[data-picker]'), init);
    }
  }

  initAll(document);
  // content htmx swaps in brings its own pickers
  document.addEventListener('htmx:load', function (event) { initAll(event.target); });
})();
