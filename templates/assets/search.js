/*
 * attoscope search: every word of the query must start a word of a page (case and accents ignored, as the build
 * folds the index's words); pages whose title matches come first, then in site order. The index is
 * window.attoscopeSearch (assets/search-index.js), a script rather than data to fetch, so the page works from
 * file://. Each entry lists its distinct words once, so a prefix test over a few hundred pages is instant; a
 * search library's ranking and fuzzy matching would weigh more than the whole index.
 */
(function () {
  'use strict';
  var entries = window.attoscopeSearch || [];
  var input = document.getElementById('q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var hit = document.getElementById('search-hit').content;
  var root = '../';

  function words(text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  }
  var indexed = entries.map(function (e, i) {
    return { entry: e, order: i, title: words(e.title), words: e.words.split(' ') };
  });

  function matches(have, want) {
    return want.every(function (w) { return have.some(function (h) { return h.lastIndexOf(w, 0) === 0; }); });
  }

  function run() {
    var query = words(input.value);
    list.textContent = '';
    if (!query.length) {
      status.textContent = entries.length + ' stories and lessons. Type a word.';
      return;
    }
    var found = indexed.filter(function (x) { return matches(x.words, query); }).map(function (x) {
      return { x: x, inTitle: matches(x.title, query) ? 0 : 1 };
    });
    found.sort(function (a, b) { return a.inTitle - b.inTitle || a.x.order - b.x.order; });
    found.forEach(function (f) {
      var li = hit.cloneNode(true).firstElementChild;
      var a = li.querySelector('a');
      a.href = root + f.x.entry.href;
      a.textContent = f.x.entry.title;
      li.querySelector('.story-meta').textContent = f.x.entry.kind;
      li.querySelector('.story-note').textContent = f.x.entry.description;
      list.appendChild(li);
    });
    status.textContent = found.length === 0 ? 'Nothing matches \u201c' + input.value.trim() + '\u201d.'
      : found.length + (found.length === 1 ? ' match' : ' matches') + ' for \u201c' + input.value.trim() + '\u201d.';
  }

  var initial = /[?&]q=([^&#]*)/.exec(location.search);
  if (initial) { input.value = decodeURIComponent(initial[1].replace(/\+/g, ' ')); }
  input.addEventListener('input', run);
  document.querySelector('.search-box').addEventListener('submit', function (ev) { ev.preventDefault(); run(); });
  run();
}());
