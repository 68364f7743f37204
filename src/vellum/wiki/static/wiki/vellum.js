/* Vellum's small script: history radio columns (as MediaWiki's mediawiki.page.history). */
document.documentElement.className = document.documentElement.className.replace('client-nojs', 'client-js');
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('mw-history-compare');
  if (!form) { return; }
  function update() {
    var items = Array.prototype.slice.call(form.querySelectorAll('#pagehistory li'));
    var oldIdx = -1, diffIdx = -1;
    items.forEach(function (li, i) {
      var o = li.querySelector('input[name=oldid]'), d = li.querySelector('input[name=diff]');
      if (o && o.checked) { oldIdx = i; }
      if (d && d.checked) { diffIdx = i; }
    });
    items.forEach(function (li, i) {
      var o = li.querySelector('input[name=oldid]'), d = li.querySelector('input[name=diff]');
      if (o) { o.style.visibility = (diffIdx >= 0 && i <= diffIdx) ? 'hidden' : 'visible'; }
      if (d) { d.style.visibility = (oldIdx >= 0 && i >= oldIdx) ? 'hidden' : 'visible'; }
    });
  }
  form.addEventListener('change', update);
  update();
});
