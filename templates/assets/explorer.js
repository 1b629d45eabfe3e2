/*
 * attoscope explorer: selects a prediction point of the story embedded in #attoscope-points and redraws the
 * token strip's bars and the panel from it. No framework, no network; works from file://.
 *
 * The page arrives with the story's last point rendered by the server; this script draws any point into the
 * same markup with the same number rules as the server (pages/Numbers.java): toFixed rounds the exact value
 * half-up, as BigDecimal does there.
 */
(function () {
  'use strict';

  var explorer = document.getElementById('explorer');
  var data = document.getElementById('attoscope-points');
  if (!explorer || !data) {
    return;
  }
  var story = JSON.parse(data.textContent);
  var points = story.points;
  var heads = Number(explorer.getAttribute('data-heads'));
  var context = Number(explorer.getAttribute('data-context'));
  var shown = Number(explorer.getAttribute('data-shown'));
  var excerpt = explorer.getAttribute('data-excerpt') === 'true';
  var strip = document.getElementById('strip');
  var cells = Array.prototype.slice.call(strip.querySelectorAll('.tok'));
  var kinds = cells.map(function (c) { return c.className.split(' ')[1]; });
  var display = cells.map(function (c) { return c.getAttribute('data-display'); });
  var bars = cells.map(function (c) { return Array.prototype.slice.call(c.querySelectorAll('.bar')); });
  var panel = document.getElementById('panel');
  var field = function (name) { return panel.querySelector('[data-field="' + name + '"]'); };
  var announce = document.getElementById('announce');
  var playgroundLink = document.getElementById('open-in-playground');
  var current = -1;

  function fixed(x, digits) { return x.toFixed(digits); }
  function percent(p) { return fixed(p * 100, 1) + '%'; }
  function extent(w) { return w === 0 ? '0' : fixed(w, 4); }

  function stateOf(pos, p) {
    if (pos === p.focus) { return 'is-focus'; }
    if (pos > p.focus) { return 'is-future'; }
    return pos < p.context_start ? 'is-outside' : '';
  }

  function cellClass(pos, p) {
    var state = stateOf(pos, p);
    return 'tok ' + kinds[pos] + (state ? ' ' + state : '');
  }

  function windowText(p) {
    var size = p.focus - p.context_start + 1;
    if (p.context_start === 0) {
      return 'The model reads tokens 0\u2013' + p.focus + ': ' + size + ' of its ' + context + '-token window.';
    }
    return 'The model reads tokens ' + p.context_start + '\u2013' + p.focus + ', a full ' + context +
      '-token window; the ' + p.context_start + (p.context_start === 1 ? ' token' : ' tokens') +
      ' before it are out of reach (greyed).';
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function drawStrip(p) {
    var weights = [];
    for (var h = 0; h < heads; h++) {
      var w = {};
      (p.heads[h] || []).forEach(function (link) { w[link.source] = link.weight; });
      weights.push(w);
    }
    cells.forEach(function (cell, pos) {
      cell.className = cellClass(pos, p);
      var focus = pos === p.focus;
      cell.tabIndex = focus ? 0 : -1;
      if (focus) { cell.setAttribute('aria-current', 'true'); } else { cell.removeAttribute('aria-current'); }
      bars[pos].forEach(function (bar, h) {
        var e = extent(weights[h][pos] || 0);
        bar.setAttribute('data-w', e);
        bar.style.setProperty('--w', e);
      });
    });
  }

  function drawPanel(p) {
    field('focus').textContent = String(p.focus);
    field('token').textContent = display[p.focus];

    var next = field('next');
    next.textContent = '';
    if (p.next) {
      next.appendChild(el('span', 'label', 'Actually next'));
      next.appendChild(document.createTextNode(' '));
      next.appendChild(el('span', 'tokname', display[p.focus + 1]));
      next.appendChild(document.createTextNode(' '));
      next.appendChild(el('span', 'rank', p.next.rank !== null ? 'rank ' + p.next.rank : 'not ranked: the model never predicts an unknown word'));
      if (p.next.rank !== null) {
        next.appendChild(document.createTextNode(' '));
        next.appendChild(el('span', 'prob', percent(p.next.prob)));
      }
    } else {
      next.appendChild(el('span', 'label', excerpt ? 'End of this excerpt' : 'End of the story'));
      next.appendChild(document.createTextNode(' '));
      next.appendChild(el('span', 'rank', excerpt ? 'the story goes on, but this page stops here' : 'nothing follows, so there is nothing to score'));
    }

    var list = field('predictions');
    list.textContent = '';
    p.predictions.slice(0, shown).forEach(function (pr) {
      var li = el('li', p.next && p.next.id === pr.id ? 'pred is-actual' : 'pred');
      li.appendChild(el('span', 'pred-tok', pr.token));
      var track = el('span', 'pred-track');
      var bar = el('span', 'pred-bar');
      bar.style.setProperty('--p', extent(pr.prob));
      track.appendChild(bar);
      li.appendChild(track);
      li.appendChild(el('span', 'pred-pct', percent(pr.prob)));
      list.appendChild(li);
    });

    var reads = field('heads');
    reads.textContent = '';
    for (var h = 0; h < heads; h++) {
      var box = el('div', 'head-reads h' + h);
      box.appendChild(el('h4', null, 'head ' + h));
      var ol = el('ol');
      (p.heads[h] || []).forEach(function (link) {
        var li = el('li');
        li.appendChild(el('span', 'tokname', display[link.source]));
        li.appendChild(el('span', 'at', '#' + link.source));
        li.appendChild(el('span', 'pct', percent(link.weight)));
        ol.appendChild(li);
      });
      box.appendChild(ol);
      reads.appendChild(box);
    }
    field('window').textContent = windowText(p);
    /* The playground's address carries the text and the point (FORMATS.md section 7). */
    if (playgroundLink) { playgroundLink.hash = 'text=' + encodeURIComponent(story.text) + '&point=' + p.focus; }

    var steps = panel.querySelectorAll('[data-step]');
    steps[0].disabled = p.focus === 0;
    steps[1].disabled = p.focus === points.length - 1;
  }

  function describe(p) {
    var text = 'Token ' + p.focus + ', ' + display[p.focus] + '.';
    if (p.next && p.next.rank !== null) {
      text += ' Next is ' + display[p.focus + 1] + ', rank ' + p.next.rank + ', ' + percent(p.next.prob) + '.';
    }
    return text;
  }

  /* Selects point i. Options: hash (write #pN into the address), focus (move keyboard focus), announce. */
  function select(i, opts) {
    opts = opts || {};
    i = Math.max(0, Math.min(points.length - 1, i));
    var p = points[i];
    if (i !== current) {
      drawStrip(p);
      drawPanel(p);
      current = i;
      if (opts.announce) { announce.textContent = describe(p); }
      /* other views of the point (why.js) follow the selection */
      explorer.dispatchEvent(new CustomEvent('attoscope:select', { detail: { index: i } }));
    }
    if (opts.hash) { writeHash('#p' + i); }
    if (opts.focus) { cells[i].focus({ preventScroll: true }); }
    if (opts.focus || opts.scroll) { cells[i].scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }

  function writeHash(hash) {
    if (location.hash === hash) { return; }
    try {
      history.replaceState(null, '', hash);
    } catch (e) {
      location.replace(hash);
    }
  }

  function fromHash() {
    var m = /^#p(\d+)$/.exec(location.hash);
    if (!m) { return -1; }
    var i = Number(m[1]);
    return i < points.length ? i : -1;
  }

  strip.addEventListener('click', function (ev) {
    var cell = ev.target.closest('.tok');
    if (!cell) { return; }
    ev.preventDefault();
    select(Number(cell.getAttribute('data-pos')), { hash: true, focus: true, announce: true });
  });

  strip.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var to;
    switch (ev.key) {
      case 'ArrowLeft': to = current - 1; break;
      case 'ArrowRight': to = current + 1; break;
      case 'Home': to = 0; break;
      case 'End': to = points.length - 1; break;
      default: return;
    }
    ev.preventDefault();
    select(to, { hash: true, focus: true, announce: true });
  });

  panel.addEventListener('click', function (ev) {
    var button = ev.target.closest('[data-step]');
    if (!button) { return; }
    select(current + Number(button.getAttribute('data-step')), { hash: true, announce: true, scroll: true });
  });

  window.addEventListener('hashchange', function () {
    var i = fromHash();
    if (i >= 0) { select(i, { scroll: true }); }
  });

  /* Controls that need this script are hidden in the markup; show them now that it runs. */
  document.getElementById('strip-hint').hidden = false;
  panel.querySelector('.stepper').hidden = false;

  var initial = fromHash();
  current = points.length - 1; /* the server rendered the last point */
  if (initial >= 0) {
    select(initial, { scroll: true });
  } else {
    drawPanel(points[current]); /* sets the stepper's disabled state */
  }
}());
