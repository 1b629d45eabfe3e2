/*
 * attoscope explorer: selects a prediction point of the story embedded in #attoscope-points and redraws the
 * token strip's bars, the panel and the figures' highlights from it. No framework, no network; works from file://.
 *
 * The page arrives with its opening point rendered by the server; this script draws any point into the same
 * markup (cloned from <template id="panel-parts">) with the same number rules as the server (pages/Numbers.java):
 * toFixed rounds the exact value half-up, as BigDecimal does there. It sets no inline style attributes, only
 * CSS custom properties through the CSSOM.
 *
 * Every selection a reader makes is a history entry (#pN), so Back and Forward move between points. A point's
 * address is the id the server gives its token (pages/Addresses.pointId), so this script has no format of its own
 * for it; and it alone reads and writes the address: other views of the point (why.js) follow the 'attoscope:select' events it
 * sends on #explorer, and send 'attoscope:ask' there to be told the point selected now.
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
  var fewer = Number(explorer.getAttribute('data-shown'));
  var shown = fewer;
  var excerpt = explorer.getAttribute('data-excerpt') === 'true';
  var strip = document.getElementById('strip');
  var cells = Array.prototype.slice.call(strip.querySelectorAll('.tok'));
  var kinds = cells.map(function (c) { return c.className.split(' ')[1]; });
  var display = cells.map(function (c) { return c.getAttribute('data-display'); });
  var panel = document.getElementById('panel');
  var parts = document.getElementById('panel-parts').content;
  var field = function (name) { return panel.querySelector('[data-field="' + name + '"]'); };
  var announce = document.getElementById('announce');
  var current = Number(explorer.getAttribute('data-initial'));
  var drawnBars = [];
  var matrices = [];
  var surprises = [];
  var playgroundLink = document.getElementById('open-in-playground');

  function fixed(x, digits) { return x.toFixed(digits); }
  function percent(p) { return fixed(p * 100, 1) + '%'; }
  function extent(w) { return w === 0 ? '0' : fixed(w, 4); }
  function part(selector) { return parts.querySelector(selector).cloneNode(true); }
  function fill(node, selector, text) { node.querySelector(selector).textContent = text; }

  function stateOf(pos, p) {
    if (pos === p.focus) { return 'is-focus'; }
    if (pos > p.focus) { return 'is-future'; }
    return pos < p.context_start ? 'is-outside' : '';
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

  /* Bars only under the tokens a head read (at most top-k per head), not two per token. */
  function drawStrip(p) {
    drawnBars.forEach(function (b) { b.remove(); });
    drawnBars = [];
    cells.forEach(function (cell, pos) {
      var state = stateOf(pos, p);
      cell.className = 'tok ' + kinds[pos] + (state ? ' ' + state : '');
      var focus = pos === p.focus;
      cell.tabIndex = focus ? 0 : -1;
      cell.setAttribute('aria-selected', focus ? 'true' : 'false');
    });
    for (var h = 0; h < heads; h++) {
      (p.heads[h] || []).forEach(function (link) {
        var cell = cells[link.source];
        var box = cell.querySelector('.bars');
        if (!box) {
          box = document.createElement('span');
          box.className = 'bars';
          box.setAttribute('aria-hidden', 'true');
          cell.appendChild(box);
          drawnBars.push(box);
        }
        var bar = document.createElement('span');
        bar.className = 'bar h' + h;
        bar.setAttribute('data-w', extent(link.weight));
        bar.style.setProperty('--w', extent(link.weight));
        box.appendChild(bar);
      });
    }
  }

  function drawNext(p) {
    var next = field('next');
    next.textContent = '';
    if (p.next) {
      var known = part('.next-known');
      fill(known, '[data-part=token]', display[p.focus + 1]);
      fill(known, '[data-part=rank]', p.next.rank !== null ? 'rank ' + p.next.rank : 'not ranked: the model never predicts an unknown word');
      fill(known, '[data-part=prob]', p.next.rank !== null ? percent(p.next.prob) : '');
      next.appendChild(known);
    } else {
      next.appendChild(part(excerpt ? '.next-excerpt' : '.next-end'));
    }
  }

  function drawPredictions(p) {
    var list = field('predictions');
    list.textContent = '';
    p.predictions.slice(0, shown).forEach(function (pr) {
      var li = part('.pred');
      if (p.next && p.next.id === pr.id) { li.classList.add('is-actual'); }
      fill(li, '.pred-tok', pr.token);
      li.querySelector('.pred-bar').value = pr.prob;
      fill(li, '.pred-pct', percent(pr.prob));
      list.appendChild(li);
    });
  }

  function drawPanel(p) {
    field('focus').textContent = String(p.focus);
    field('token').textContent = display[p.focus];
    drawNext(p);
    drawPredictions(p);
    var reads = field('heads');
    reads.textContent = '';
    for (var h = 0; h < heads; h++) {
      var box = part('.head-reads');
      box.classList.add('h' + h);
      fill(box, 'h4', 'head ' + h);
      var ol = box.querySelector('ol');
      (p.heads[h] || []).forEach(function (link) {
        var li = part('li.link');
        fill(li, '.tokname', display[link.source]);
        fill(li, '.at', '#' + link.source);
        fill(li, '.pct', percent(link.weight));
        ol.appendChild(li);
      });
      reads.appendChild(box);
    }
    field('window').textContent = windowText(p);
    /* The playground's address carries the text and the point (FORMATS.md section 7). */
    if (playgroundLink) { playgroundLink.hash = 'text=' + encodeURIComponent(story.text) + '&point=' + p.focus; }
    var steps = panel.querySelectorAll('[data-step]');
    steps[0].disabled = p.focus === 0;
    steps[1].disabled = p.focus === points.length - 1;
    field('copied').textContent = '';
  }

  function describe(p) {
    var text = 'Token ' + p.focus + ', ' + display[p.focus] + '.';
    if (p.next && p.next.rank !== null) {
      text += ' Next is ' + display[p.focus + 1] + ', rank ' + p.next.rank + ', ' + percent(p.next.prob) + '.';
    }
    return text;
  }

  /*
   * Selects point i. Options: push (a new history entry #pN), focus (move keyboard focus to the token),
   * announce (say the point in the live region), scroll (bring the token into view inside the strip).
   */
  function select(i, opts) {
    opts = opts || {};
    i = Math.max(0, Math.min(points.length - 1, i));
    var p = points[i];
    var changed = i !== current;
    current = i;
    drawStrip(p);
    if (changed || opts.redraw) {
      drawPanel(p);
      showInStrip(cells[i]);
      tell();
    }
    matrices.forEach(function (m) { m.highlight(p, opts.follow); });
    surprises.forEach(function (say) { say(p.focus); });
    if (opts.announce) { announce.textContent = describe(p); }
    if (opts.push) { writeHash(addressOf(i)); }
    if (opts.focus) { cells[i].focus({ preventScroll: true }); }
    if (opts.focus || opts.scroll) { cells[i].scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }

  /*
   * Brings a token into view inside the strip, which scrolls by itself on a narrow screen (site.css), without
   * moving the page (a point chosen in a figure, or the opening point); elsewhere the strip does not scroll and
   * this does nothing.
   */
  function showInStrip(cell) {
    var s = strip.getBoundingClientRect();
    var c = cell.getBoundingClientRect();
    if (c.top < s.top || c.bottom > s.bottom) {
      strip.scrollTop += c.top - s.top - (strip.clientHeight - c.height) / 2;
    }
  }

  /* Other views of the point (why.js) follow the selection. */
  function tell() {
    explorer.dispatchEvent(new CustomEvent('attoscope:select', { detail: { index: current } }));
  }

  function writeHash(hash) {
    if (location.hash === hash) { return; }
    try {
      history.pushState({ point: hash }, '', hash);
    } catch (e) {
      location.hash = hash;
    }
  }

  function addressOf(i) { return '#' + cells[i].id; }

  /* The point whose token the address names, or -1 (another anchor of the page, or none). */
  function fromHash() {
    var id = location.hash.slice(1);
    return id ? cells.indexOf(document.getElementById(id)) : -1;
  }

  /* ---------- the strip: a listbox of tokens ---------- */

  strip.setAttribute('role', 'listbox');
  strip.setAttribute('aria-label', 'Tokens of the story');
  strip.setAttribute('aria-describedby', 'strip-hint');
  cells.forEach(function (cell) {
    cell.setAttribute('role', 'option');
    cell.removeAttribute('title');
  });

  strip.addEventListener('click', function (ev) {
    var cell = ev.target.closest('.tok');
    if (!cell) { return; }
    select(Number(cell.getAttribute('data-pos')), { push: true, focus: true, announce: true, follow: true });
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
    select(to, { push: true, focus: true, announce: true, follow: true });
  });

  panel.addEventListener('click', function (ev) {
    var button = ev.target.closest('[data-step],[data-action]');
    if (!button) { return; }
    var action = button.getAttribute('data-action');
    if (action === 'more') {
      shown = shown === fewer ? points[current].predictions.length : fewer;
      button.setAttribute('aria-pressed', shown === fewer ? 'false' : 'true');
      button.textContent = shown === fewer ? 'Show ' + points[current].predictions.length : 'Show ' + fewer;
      drawPredictions(points[current]);
    } else if (action === 'copy-link') {
      copyLink();
    } else {
      select(current + Number(button.getAttribute('data-step')), { push: true, announce: true, scroll: true, follow: true });
    }
  });

  function copyLink() {
    var url = location.href.split('#')[0] + addressOf(current);
    var done = function () { field('copied').textContent = 'Link copied'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { field('copied').textContent = url; });
    } else {
      /* file:// pages have no clipboard API; show the address so it can be copied by hand. */
      field('copied').textContent = url;
    }
  }

  /* A view that starts after this script asks for the point selected now, instead of reading the address itself. */
  explorer.addEventListener('attoscope:ask', tell);

  window.addEventListener('hashchange', function () {
    var i = fromHash();
    if (i >= 0) { select(i, { scroll: true, follow: true }); }
  });
  window.addEventListener('popstate', function () {
    var i = fromHash();
    select(i >= 0 ? i : Number(explorer.getAttribute('data-initial')), { scroll: true, follow: true, announce: true });
  });

  /* ---------- attention matrices: the selected row, a cell cursor, the exact value ---------- */

  var SVG = 'http://www.w3.org/2000/svg';

  function floatOf(bits) {
    var view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, parseInt(bits, 16));
    return view.getFloat32(0);
  }

  /* The shortest decimal that reads back as exactly this float32, as the figures' tooltips write it. */
  function shortest(x) {
    for (var d = 1; d <= 9; d++) {
      var s = x.toPrecision(d);
      if (Math.fround(Number(s)) === x) { return String(Number(s)); }
    }
    return String(x);
  }

  function svgElement(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function Matrix(svg) {
    var box = svg.closest('.figure-svg');
    var readout = svg.closest('figure').querySelector('.readout');
    var head = Number(svg.getAttribute('data-head'));
    var cell = Number(svg.getAttribute('data-cell'));
    var x0 = Number(svg.getAttribute('data-x0'));
    var y0 = Number(svg.getAttribute('data-y0'));
    /* A cell is a stroke one unit long from (k * unit, q * unit) (figures.CellMarkup.strokeCell): where it is
       drawn says its query and key. */
    var rows = {};
    var where = new Map();
    Array.prototype.forEach.call(svg.querySelectorAll('.cells [data-bits]'), function (c) {
      var shape = c.tagName === 'g' ? c.querySelector('path') : c;
      var m = /^M(\d+) (\d+)h(\d+)/.exec(shape.getAttribute('d'));
      var at = { q: Number(m[2]) / Number(m[3]), k: Number(m[1]) / Number(m[3]) };
      where.set(c, at);
      (rows[at.q] = rows[at.q] || []).push(c);
    });
    Object.keys(rows).forEach(function (q) {
      rows[q].sort(function (a, b) { return where.get(a).k - where.get(b).k; });
    });
    var band = svgElement('path', { 'class': 'sel-row', fill: 'none' });
    var cursor = svgElement('rect', { 'class': 'cursor', fill: 'none', width: cell, height: cell });
    cursor.setAttribute('visibility', 'hidden');
    svg.appendChild(band);
    svg.appendChild(cursor);
    var at = null; /* the cursor's cell element */

    box.classList.add('matrix-window');
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Head ' + head + ' links: arrow keys move between cells, Enter selects that point');
    readout.hidden = false;

    function qOf(c) { return where.get(c).q; }
    function kOf(c) { return where.get(c).k; }
    function cellAt(target) {
      var c = target.closest('[data-bits]');
      return c && where.has(c) ? c : null;
    }

    function say(c) {
      var q = qOf(c);
      var k = kOf(c);
      var w = floatOf(c.getAttribute('data-bits'));
      readout.textContent = 'Head ' + head + ', query ' + q + ' \u201c' + display[q] + '\u201d \u2192 key ' + k +
        ' \u201c' + display[k] + '\u201d: weight ' + shortest(w) + ' (' + percent(w) + ', float32 bits ' +
        c.getAttribute('data-bits') + '). Enter selects point ' + q + '.';
    }

    function moveCursor(c, follow) {
      at = c;
      cursor.setAttribute('x', x0 + kOf(c) * cell);
      cursor.setAttribute('y', y0 + qOf(c) * cell);
      cursor.setAttribute('visibility', 'visible');
      say(c);
      if (follow) { reveal(qOf(c), kOf(c)); }
    }

    /* Scrolls the window (when the matrix is larger than it) so query q's row, from key k leftwards, shows. */
    function reveal(q, k) {
      var scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
      var y = (y0 + q * cell) * scale;
      var x = (x0 + (k + 1) * cell) * scale;
      if (y < box.scrollTop || y + cell * scale > box.scrollTop + box.clientHeight) {
        box.scrollTop = y - box.clientHeight / 2;
      }
      if (x < box.scrollLeft || x > box.scrollLeft + box.clientWidth) {
        box.scrollLeft = x - box.clientWidth * 0.7;
      }
    }

    this.highlight = function (p, follow) {
      var from = x0 + p.context_start * cell;
      var y = y0 + p.focus * cell;
      band.setAttribute('d', 'M' + from + ' ' + y + 'h' + (p.focus - p.context_start + 1) * cell + 'v' + cell +
        'h' + -(p.focus - p.context_start + 1) * cell + 'z');
      var row = rows[p.focus] || [];
      if (!at || qOf(at) !== p.focus) {
        at = null;
        cursor.setAttribute('visibility', 'hidden');
      }
      if (follow) { reveal(p.focus, p.focus); }
      return row;
    };

    svg.addEventListener('mousemove', function (ev) {
      var c = cellAt(ev.target);
      if (c) { say(c); }
    });
    svg.addEventListener('click', function (ev) {
      var c = cellAt(ev.target);
      if (!c) { return; }
      moveCursor(c, false);
      select(qOf(c), { push: true, announce: true });
    });
    /* A click focuses the window too; only keyboard focus places the cursor (and may scroll), so the cell
       under the pointer stays put between mousedown and click. */
    var pointing = false;
    box.addEventListener('pointerdown', function () { pointing = true; });
    box.addEventListener('pointerup', function () { pointing = false; });
    box.addEventListener('focus', function () {
      if (!at && !pointing) {
        var row = rows[current] || [];
        if (row.length) { moveCursor(row[row.length - 1], true); }
      }
    });
    box.addEventListener('keydown', function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey || !at) { return; }
      var q = qOf(at);
      var row = rows[q];
      var j = row.indexOf(at);
      var next = null;
      switch (ev.key) {
        case 'ArrowLeft': next = row[j - 1]; break;
        case 'ArrowRight': next = row[j + 1]; break;
        case 'ArrowUp': case 'ArrowDown': {
          var step = ev.key === 'ArrowUp' ? -1 : 1;
          for (var r = q + step; r >= 0 && r < points.length && !next; r += step) {
            var other = rows[r] || [];
            next = nearest(other, kOf(at), kOf);
          }
          break;
        }
        case 'Enter': case ' ':
          ev.preventDefault();
          select(q, { push: true, announce: true });
          return;
        default: return;
      }
      ev.preventDefault();
      if (next) { moveCursor(next, true); }
    });
  }

  function nearest(row, k, kOf) {
    var best = null;
    row.forEach(function (c) {
      if (!best || Math.abs(kOf(c) - k) < Math.abs(kOf(best) - k)) { best = c; }
    });
    return best;
  }

  Array.prototype.forEach.call(document.querySelectorAll('svg.attoscope-attention-matrix'), function (svg) {
    matrices.push(new Matrix(svg));
  });

  /* The surprise strip: a mark selects its point; the readout names the mark under the pointer (the marks carry
     no tooltips), and otherwise the selected point's. */
  Array.prototype.forEach.call(document.querySelectorAll('svg.attoscope-surprise'), function (svg) {
    var readout = svg.closest('figure').querySelector('.readout');
    var marks = {};
    var group = svg.querySelector('.marks');
    /* A mark is a stroke up from (x, 0) in its group (figures.SurpriseStripFigure); a bar may be half a pixel
       tall, so the pointer picks the mark of its column, at any height. */
    var columns = Array.prototype.map.call(svg.querySelectorAll('.mark'), function (m) {
      marks[m.getAttribute('data-position')] = m;
      return { x: Number(/^M(-?[\d.]+)/.exec(m.getAttribute('d'))[1]), pos: Number(m.getAttribute('data-position')) };
    });
    var spacing = columns.length > 1 ? columns[1].x - columns[0].x : 1;
    function markAt(ev) {
      var mark = ev.target.closest('.mark');
      if (mark) { return Number(mark.getAttribute('data-position')); }
      var ctm = group && group.getScreenCTM();
      if (!ctm || !columns.length) { return null; }
      var at = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(ctm.inverse());
      var i = Math.round((at.x - columns[0].x) / spacing);
      var inPlot = at.y >= -2 && at.y <= Number(group.getAttribute('data-height'));
      return inPlot && i >= 0 && i < columns.length ? columns[i].pos : null;
    }
    readout.hidden = false;
    readout.setAttribute('aria-live', 'off'); /* it follows every selection, which #announce already says */
    function say(pos) {
      var mark = marks[pos];
      var p = points[pos];
      if (!mark || !p || !p.next) { readout.textContent = ''; return; }
      var s = mark.getAttribute('data-surprise');
      readout.textContent = 'Position ' + pos + ' \u201c' + display[pos] + '\u201d \u2192 next \u201c' + display[pos + 1] +
        '\u201d: ' + (s === 'excluded' ? 'excluded from predictions, no probability'
          : '-ln p \u2248 ' + s + ' nats (p ' + percent(p.next.prob) + ')') + '.';
    }
    surprises.push(say);
    svg.addEventListener('mousemove', function (ev) {
      var pos = markAt(ev);
      say(pos === null ? current : pos);
    });
    svg.addEventListener('mouseleave', function () { say(current); });
    svg.addEventListener('click', function (ev) {
      var pos = markAt(ev);
      if (pos !== null) { select(pos, { push: true, announce: true }); }
    });
    say(current);
  });

  /* Controls that need this script are hidden in the markup; show them now that it runs. */
  ['strip-hint', 'strip-legend'].forEach(function (id) { document.getElementById(id).hidden = false; });
  panel.querySelector('.stepper').hidden = false;
  panel.querySelector('.panel-tools').hidden = false;
  var more = panel.querySelector('[data-action=more]');
  if (points.length && points[0].predictions.length > fewer) {
    more.hidden = false;
    more.textContent = 'Show ' + points[0].predictions.length;
  }

  var initial = fromHash();
  if (initial >= 0) {
    select(initial, { scroll: true, redraw: true, follow: true });
  } else {
    select(current, { redraw: true, follow: true });
    try { history.replaceState({ point: addressOf(current) }, '', location.href.split('#')[0] + location.hash); } catch (e) { /* file:// in some browsers */ }
  }
}());
