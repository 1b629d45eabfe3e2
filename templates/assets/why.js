/*
 * attoscope "why" view: for the point the explorer selects, splits a target's logit into the terms of the residual
 * (FORMATS.md section 3.1), compares two targets, and shows the precomputed re-runs (a link dropped, a head off,
 * dense attention). Everything comes from #attoscope-points; nothing is computed here but differences and labels.
 * Number rules as the server's (pages/WhyView.java): signed values to 3 decimals with a real minus sign.
 */
(function () {
  'use strict';

  var explorer = document.getElementById('explorer');
  var why = document.getElementById('why');
  var data = document.getElementById('attoscope-points');
  if (!explorer || !why || !data) {
    return;
  }
  var story = JSON.parse(data.textContent);
  var points = story.points;
  var display = Array.prototype.map.call(document.querySelectorAll('#strip .tok'), function (c) {
    return c.getAttribute('data-display');
  });
  var ramp = why.getAttribute('data-ramp').split(' ');
  var body = why.querySelector('[data-why="body"]');
  var targetSelect = why.querySelector('[data-why="target"]');
  var otherSelect = why.querySelector('[data-why="other"]');
  var drop = why.querySelector('[data-why="drop"]');
  var runs = why.querySelectorAll('input[name="why-run"]');
  var current = points.length - 1;
  var dropped = null; /* [head, link] */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function percent(p) { return (p * 100).toFixed(1) + '%'; }
  function signed(x) {
    var s = Math.abs(x).toFixed(3);
    if (s === '0.000') { return s; }
    return (x < 0 ? '\u2212' : '+') + s;
  }
  function extent(w) { return w === 0 ? '0' : w.toFixed(4); }
  /* DivergingScale.niceLimit: the smallest 1, 2, 2.5, 5 x 10^k at least m */
  function niceLimit(m) {
    if (m === 0) { return 1; }
    var decade = Math.pow(10, Math.floor(Math.log10(m)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      var c = Number((decade * steps[i]).toPrecision(12));
      if (c >= m) { return c; }
    }
    return decade * 10;
  }
  function colour(t) { /* t in -1..1, nearest of the scale's sampled colours */
    return ramp[Math.round((t + 1) / 2 * (ramp.length - 1))];
  }

  /* The terms of a point's residual, each with its share of target a's logit (minus b's when comparing). */
  function terms(p, a, b) {
    var out = [];
    var pa = a.parts;
    var pb = b ? b.parts : null;
    function v(x, y) { return pb ? x - y : x; }
    out.push({ kind: 'token', label: 'the token \u201c' + display[p.focus] + '\u201d itself', value: v(pa.token, pb && pb.token) });
    out.push({ kind: 'position', label: 'its position, ' + (p.focus - p.context_start), value: v(pa.position, pb && pb.position) });
    pa.heads.forEach(function (links, h) {
      links.forEach(function (l, k) {
        out.push({ kind: 'head', head: h, link: k, source: l.source,
          label: 'head ' + h + ' reading \u201c' + display[l.source] + '\u201d #' + l.source + ' (' + percent(p.heads[h][k].weight) + ')',
          value: v(l.logit, pb && pb.heads[h][k].logit) });
      });
    });
    out.push({ kind: 'mlp', label: 'the MLP', value: v(pa.mlp, pb && pb.mlp) });
    return out;
  }

  function table(p, title, caption, rows, total) {
    var box = el('div', 'why-target');
    box.appendChild(el('h3', null, title));
    var max = 0;
    rows.forEach(function (r) { max = Math.max(max, Math.abs(r.value)); });
    var limit = niceLimit(max);
    var t = el('table', 'why-parts');
    t.appendChild(el('caption', null, caption + ' (bars to \u00b1' + String(limit) + ')'));
    var tb = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr', 'why-' + r.kind + (r.head !== undefined ? ' h' + r.head : ''));
      var th = el('th');
      th.scope = 'row';
      if (r.kind === 'head') {
        var button = el('button', null, r.label);
        button.type = 'button';
        button.setAttribute('data-drop', r.head + ',' + r.link);
        button.setAttribute('aria-pressed', dropped && dropped[0] === r.head && dropped[1] === r.link ? 'true' : 'false');
        button.title = 'What if this link were dropped?';
        th.appendChild(button);
      } else {
        th.textContent = r.label;
      }
      tr.appendChild(th);
      var cell = el('td', 'why-bar-cell');
      var x = Math.max(-limit, Math.min(limit, r.value));
      var bar = el('span', 'why-bar ' + (signed(r.value).charAt(0) === '\u2212' ? 'neg' : 'pos'));
      bar.style.setProperty('--e', extent(Math.abs(x) / limit));
      bar.style.setProperty('--c', colour(x / limit));
      cell.appendChild(bar);
      tr.appendChild(cell);
      tr.appendChild(el('td', 'why-num', signed(r.value)));
      tb.appendChild(tr);
    });
    var sum = el('tr', 'why-total');
    sum.appendChild(el('th', null, 'sum'));
    sum.appendChild(el('td', 'why-bar-cell'));
    sum.appendChild(el('td', 'why-num', total));
    tb.appendChild(sum);
    t.appendChild(tb);
    box.appendChild(t);
    return box;
  }

  function baseProb(p, id) {
    for (var i = 0; i < p.predictions.length; i++) {
      if (p.predictions[i].id === id) { return p.predictions[i].prob; }
    }
    return p.next && p.next.id === id ? p.next.prob : null;
  }

  function role(p, t, i) {
    if (p.next && p.next.id === t.id) { return i < 3 ? 'prediction ' + (i + 1) + ', actually next' : 'actually next'; }
    return 'prediction ' + (i + 1);
  }

  function fillSelects(p) {
    var e = p.explain;
    targetSelect.textContent = '';
    otherSelect.textContent = '';
    otherSelect.appendChild(el('option', null, '(nothing)')).value = '';
    e.targets.forEach(function (t, i) {
      var o = el('option', null, t.token + ' (' + role(p, t, i) + ')');
      o.value = String(i);
      targetSelect.appendChild(o);
      var o2 = el('option', null, t.token);
      o2.value = String(i);
      otherSelect.appendChild(o2);
    });
  }

  function chosenRun() {
    for (var i = 0; i < runs.length; i++) {
      if (runs[i].checked) { return runs[i].value; }
    }
    return '';
  }

  function draw() {
    var p = points[current];
    var e = p.explain;
    body.textContent = '';
    if (!e) { return; }
    var a = e.targets[Number(targetSelect.value) || 0];
    var other = otherSelect.value === '' ? null : e.targets[Number(otherSelect.value)];
    if (other && other !== a) {
      body.appendChild(table(p, 'Why \u201c' + a.token + '\u201d rather than \u201c' + other.token + '\u201d: logit difference ' + signed(a.logit - other.logit),
        'What each term adds to \u201c' + a.token + '\u201d minus what it adds to \u201c' + other.token + '\u201d', terms(p, a, other), signed(a.logit - other.logit)));
    } else {
      var shownTargets = [a];
      if (a === e.targets[0] && p.next) {
        e.targets.forEach(function (t, i) { if (i > 0 && t.id === p.next.id) { shownTargets.push(t); } });
      }
      shownTargets.forEach(function (t) {
        var title = (t === e.targets[0] ? 'Top prediction' : p.next && t.id === p.next.id ? 'Actually next' : 'Prediction') +
          ' \u201c' + t.token + '\u201d: logit ' + t.logit.toFixed(3);
        body.appendChild(table(p, title, 'What each term adds to the logit of \u201c' + t.token + '\u201d', terms(p, t, null), t.logit.toFixed(3)));
      });
    }
    body.appendChild(el('h3', 'why-h', 'What if?'));
    var list = el('ul', 'why-ablations');
    var run = chosenRun();
    Object.keys(e.ablations).sort(function (x, y) { return order(x) - order(y); }).forEach(function (key) {
      var ab = e.ablations[key];
      var li = el('li', key === run ? 'is-chosen' : null);
      li.appendChild(el('span', 'why-run', label(key) + ':'));
      li.appendChild(document.createTextNode(' ' + ab.predictions.map(function (pr) { return pr.token + ' ' + percent(pr.prob); }).join(', ')));
      if (key === run) {
        li.appendChild(document.createTextNode('. Targets: ' + e.targets.map(function (t, i) {
          var before = baseProb(p, t.id);
          return t.token + ' ' + (before === null ? '' : percent(before) + ' \u2192 ') + percent(ab.target_probs[i]);
        }).join(', ')));
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  }

  function order(key) { return key === 'dense' ? 1000 : Number(key.replace(/\D/g, '')); }
  function label(key) { return key === 'dense' ? 'Dense attention' : 'Head ' + key.replace(/\D/g, '') + ' off'; }

  function describeDrop(p, h, k) {
    var e = p.explain;
    var d = e.link_drops[h][k];
    var only = p.heads[h].length === 1;
    return 'Without head ' + h + '\u2019s link to \u201c' + display[d.source] + '\u201d #' + d.source +
      (only ? ' (its only link, so the head adds nothing)' : ' (its other links renormalised)') + ': ' +
      e.targets.map(function (t, i) {
        var before = baseProb(p, t.id);
        return t.token + ' ' + (before === null ? '' : percent(before) + ' \u2192 ') + percent(d.target_probs[i]);
      }).join(', ') + '.';
  }

  function select(i) {
    current = i;
    dropped = null;
    drop.textContent = '';
    fillSelects(points[i]);
    draw();
  }

  why.addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-drop]');
    if (!b) { return; }
    var hk = b.getAttribute('data-drop').split(',').map(Number);
    dropped = dropped && dropped[0] === hk[0] && dropped[1] === hk[1] ? null : hk;
    drop.textContent = dropped ? describeDrop(points[current], hk[0], hk[1]) : '';
    var focusKey = b.getAttribute('data-drop');
    draw();
    var again = why.querySelector('[data-drop="' + focusKey + '"]');
    if (again) { again.focus(); }
  });
  targetSelect.addEventListener('change', draw);
  otherSelect.addEventListener('change', draw);
  Array.prototype.forEach.call(runs, function (r) { r.addEventListener('change', draw); });
  var answered = false;
  explorer.addEventListener('attoscope:select', function (ev) {
    answered = true;
    select(ev.detail.index);
  });

  why.querySelector('.why-controls').hidden = false;
  /* The explorer (explorer.js) owns the point's address (#pN): ask it which point is selected. If it has not run
     yet, draw the point it opens on (data-initial, pages/OpeningPoint); its first selection follows. */
  explorer.dispatchEvent(new CustomEvent('attoscope:ask'));
  if (!answered) {
    select(explorer.hasAttribute('data-initial') ? Number(explorer.getAttribute('data-initial')) : points.length - 1);
  }
}());
