// The dashboard works without script; this only makes it quicker to use: the environment switch applies
// on change, copy buttons copy, and the switch returns to the page it was used on.
(function () {
  'use strict';
  document.querySelectorAll('input[data-back]').forEach(function (input) {
    input.value = window.location.pathname + window.location.search;
  });
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    var form = select.form;
    form.querySelectorAll('[data-without-script]').forEach(function (b) { b.hidden = true; });
    select.addEventListener('change', function () { form.submit(); });
  });
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var text = source.value !== undefined ? source.value : source.textContent;
      var done = function () {
        var label = button.textContent;
        button.textContent = 'Copied';
        window.setTimeout(function () { button.textContent = label; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { select(source); });
      } else {
        select(source);
        try { if (document.execCommand('copy')) { done(); } } catch (e) { /* selected: the person copies */ }
      }
    });
  });
  // A colour sample beside the brand colour field (set from script: the pages allow no inline style).
  document.querySelectorAll('.swatch[data-colour]').forEach(function (swatch) {
    var input = document.getElementById('brand-colour');
    var paint = function () {
      if (/^#[0-9a-fA-F]{6}$/.test(input.value)) { swatch.style.background = input.value; }
    };
    paint();
    input.addEventListener('input', paint);
  });
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
