/*
 * attoscope playground: any text, computed here by engine.js on the weights of playground/weights.js.
 *
 * The text is the state: every edit (replace, insert, delete, a chosen prediction) rewrites the text and computes
 * it again, so the address (#text=...&point=N, plus the generation settings) always reproduces what is shown.
 * Whenever a text is computed, its FORMATS.md section 3 object goes into <output id="attoscope-live-points">.
 * No framework, no network; works from file://.
 */
(function () {
  'use strict';

  var root = document.getElementById('playground');
  var status = document.getElementById('self-check');
  var E = window.AttoscopeEngine;
  var W = window.ATTOSCOPE_WEIGHTS;
  if (!root || !status) {
    return;
  }
  if (!E || !W) {
    status.textContent = 'The model did not load: the page is missing ' + (!E ? 'assets/playground/engine.js' : 'playground/weights.js') + '.';
    return;
  }

  var TOPN = Number(root.getAttribute('data-topn')) || 20;
  var siteRoot = root.getAttribute('data-root') || '';
  var MARKS = '.,!?';

  function $(id) { return document.getElementById(id); }
  var ui = {
    preset: $('pg-preset'), text: $('pg-text'), tokenize: $('pg-tokenize'), meta: $('pg-meta'),
    explorerLink: $('pg-explorer-link'), strip: $('strip'), focus: $('pg-focus'), last: $('pg-last'),
    token: $('pg-token'), next: $('pg-next'), predsTitle: $('pg-preds-title'), preds: $('pg-predictions'),
    reads: $('pg-reads'), window: $('pg-window'), temp: $('pg-temp'), tempValue: $('pg-temp-value'),
    count: $('pg-count'), seed: $('pg-seed'), top1: $('pg-top1'), sample: $('pg-sample'),
    editInput: $('pg-edit-input'), suggestions: $('pg-suggestions'), insertBefore: $('pg-insert-before'),
    insertAfter: $('pg-insert-after'), del: $('pg-delete'), output: $('attoscope-live-points'),
    announce: $('announce'), tourStart: $('pg-tour-start')
  };

  /* ---- the weights: decoded, hash-checked against the sha256 the build printed into this page ---- */

  var expected = root.getAttribute('data-model-sha256');
  var bytes;
  try {
    bytes = E.decodeBase64(W.model_bin_base64);
  } catch (e) {
    status.textContent = 'The weights are damaged: ' + e.message + '.';
    return;
  }
  var actual = E.sha256Hex(bytes);
  if (actual !== expected || W.model_sha256 !== expected) {
    status.textContent = 'The weights in playground/weights.js (sha256 ' + actual.slice(0, 12) + ') are not the model this site was built with (' +
      String(expected).slice(0, 12) + '); the playground will not run them. Build the site again.';
    return;
  }
  /* The dense products in WebAssembly when this browser has it (kernels.js); otherwise the same bits in JavaScript. */
  var model = new E.Model(bytes, W, W.itos, E.compileKernels(window.ATTOSCOPE_KERNELS));
  var tok = model.tokenizer;
  var context = model.cfg.block;
  var heads = model.cfg.heads;

  var presets = JSON.parse($('playground-presets').textContent);
  var referenceData = $('attoscope-points');
  var reference = referenceData ? JSON.parse(referenceData.textContent) : null;

  /* ---- numbers as the explorers print them (pages/Numbers.java) ---- */

  function percent(p) { return (p * 100).toFixed(1) + '%'; }
  function extent(w) { return w === 0 ? '0' : w.toFixed(4); }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  /* ---- the self-check: this engine against the build's verified points of one story ---- */

  /*
   * This engine computes what the build's Java engine computes bit for bit (the same float32 and double operations
   * in the same order: see engine.js), so every number must be equal: each window, each link's source and weight,
   * each prediction's token and probability, the next token's rank and probability. Any difference, however small,
   * is a disagreement. worst is the largest absolute difference over every number the two share; Infinity when the
   * tokens differ.
   */
  function compareTrace(mine, build) {
    var worst = 0;
    var problems = [];
    function same(where, a, b) {
      worst = Math.max(worst, Math.abs(a - b));
      if (a !== b) { problems.push(where); }
    }
    if (JSON.stringify(mine.ids) !== JSON.stringify(build.ids)) {
      problems.push('the tokens differ');
      return { points: 0, worst: Infinity, problems: problems };
    }
    build.points.forEach(function (b, i) {
      var a = mine.points[i];
      if (a.context_start !== b.context_start) { problems.push('point ' + i + ': window'); }
      for (var h = 0; h < b.heads.length; h++) {
        if (a.heads[h].length !== b.heads[h].length) { problems.push('point ' + i + ' head ' + h + ': links'); continue; }
        b.heads[h].forEach(function (l, k) {
          if (a.heads[h][k].source !== l.source) { problems.push('point ' + i + ' head ' + h + ': source'); }
          same('point ' + i + ' head ' + h + ': weight', a.heads[h][k].weight, l.weight);
        });
      }
      b.predictions.forEach(function (p, k) {
        var q = a.predictions[k];
        if (!q || q.id !== p.id) { problems.push('point ' + i + ': prediction ' + (k + 1)); return; }
        same('point ' + i + ': probability ' + (k + 1), q.prob, p.prob);
      });
      if ((a.next === null) !== (b.next === null) || (b.next && (a.next.id !== b.next.id || a.next.rank !== b.next.rank))) {
        problems.push('point ' + i + ': next token');
      } else if (b.next) {
        same('point ' + i + ': next token\u2019s probability', a.next.prob, b.next.prob);
      }
    });
    return { points: build.points.length, worst: worst, problems: problems };
  }

  function differenceText(d) {
    if (d === 0) { return '0'; }
    var s = d.toExponential(0);
    return s.replace('e-', '\u00d710\u207b').replace(/\u207b(\d+)/, function (m, digits) {
      return '\u207b' + digits.split('').map(function (c) { return '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079'.charAt(Number(c)); }).join('');
    });
  }

  var referenceRun = null;
  function selfCheck() {
    if (!reference) {
      status.textContent = 'The model runs in your browser (no story to check it against on this site).';
      return;
    }
    var started = performance.now();
    referenceRun = model.trace(reference.name, reference.text, TOPN);
    var ms = performance.now() - started;
    var r = compareTrace(referenceRun.object, reference);
    var title = presetBySlug(reference.name) ? presetBySlug(reference.name).title : reference.name;
    status.textContent = '';
    status.className = 'self-check ' + (r.problems.length ? 'is-bad' : 'is-good');
    if (r.problems.length) {
      status.textContent = 'This page\u2019s engine disagrees with the build on \u201c' + title + '\u201d: ' +
        r.problems.slice(0, 3).join('; ') + (r.problems.length > 3 ? ' and ' + (r.problems.length - 3) + ' more' : '') +
        (r.worst > 0 && r.worst < Infinity ? ' (largest difference ' + differenceText(r.worst) + ')' : '') +
        '. Its numbers below may not be the model\u2019s.';
    } else {
      status.textContent = 'Agrees with the build on ' + plural(r.points, 'point', 'points') + ' of \u201c' + title +
        '\u201d: every number the same, to the last bit (computed here in ' + Math.round(ms) + ' ms' +
        (model.products.kind === 'webassembly' ? ', with WebAssembly' : '') + ').';
    }
    status.setAttribute('data-points', String(r.points));
    status.setAttribute('data-largest-difference', String(r.worst));
    status.setAttribute('data-products', model.products.kind);
  }

  function presetBySlug(slug) {
    for (var i = 0; i < presets.length; i++) {
      if (presets[i].slug === slug) { return presets[i]; }
    }
    return null;
  }

  function presetByText(text) {
    for (var i = 0; i < presets.length; i++) {
      if (presets[i].text === text) { return presets[i]; }
    }
    return null;
  }

  /* ---- state ---- */

  var state = {
    text: '',
    run: null,       /* {object, encoding, logits} of state.text */
    focus: 0,
    temperature: 1,
    count: 10,
    seed: 1
  };

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  /*
   * Starts computing text (unless it is the text already shown). The point the reader looks at is computed when it
   * is drawn; the others follow in slices between frames, and the output gets the text's points once all are done
   * (it is empty meanwhile, so it never holds another text's points).
   */
  var SLICE = 24;

  /*
   * Runs fn as a new task, after the browser has had its turn (input, paint). Not setTimeout: a chain of nested
   * timeouts is clamped to 4 ms each after the fifth, which added about 8 ms to a 128-token text's last points.
   * A message to itself is no request: nothing leaves the page.
   */
  var later = (function () {
    if (typeof MessageChannel !== 'function') {
      return function (fn) { setTimeout(fn, 0); };
    }
    var queue = [];
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { var fn = queue.shift(); if (fn) { fn(); } };
    return function (fn) { queue.push(fn); channel.port2.postMessage(0); };
  }());

  function compute(text) {
    if (state.run && state.text === text) {
      return;
    }
    state.text = text;
    ui.output.textContent = '';
    var run = referenceRun && referenceRun.object.text === text ? referenceRun : model.start('playground', text, TOPN);
    state.run = run;
    function step() {
      if (state.run !== run) {
        return;
      }
      if (run.advance(SLICE)) {
        ui.output.textContent = JSON.stringify(run.object);
      } else {
        later(step);
      }
    }
    later(step);
  }

  function show(text, focus, opts) {
    compute(text);
    var n = state.run.object.ids.length;
    state.focus = clamp(focus === undefined || focus === null ? n - 1 : focus, 0, n - 1);
    if (ui.text.value !== text) { ui.text.value = text; }
    var preset = presetByText(text);
    ui.preset.value = preset ? preset.slug : '';
    render(opts || {});
    writeHash();
  }

  /* ---- the address: #text=...&point=N&temp=T&count=K&seed=S ---- */

  function writeHash() {
    var hash = '#text=' + encodeURIComponent(state.text) + '&point=' + state.focus +
      '&temp=' + state.temperature.toFixed(1) + '&count=' + state.count + '&seed=' + state.seed;
    if (location.hash === hash) { return; }
    try {
      history.replaceState(null, '', hash);
    } catch (e) {
      location.replace(hash);
    }
  }

  function readHash() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq <= 0) { return; }
      try {
        out[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch (e) {
        /* a malformed escape: ignore that field */
      }
    });
    return out;
  }

  function applySettings(h) {
    var t = Number(h.temp);
    if (h.temp !== undefined && isFinite(t)) { state.temperature = clamp(Math.round(t * 10) / 10, 0.2, 2); }
    var c = Number(h.count);
    if (h.count !== undefined && isFinite(c)) { state.count = clamp(Math.round(c), 5, 30); }
    var s = Number(h.seed);
    if (h.seed !== undefined && isFinite(s)) { state.seed = clamp(Math.floor(s), 0, 2147483647); }
    ui.temp.value = String(state.temperature);
    ui.tempValue.textContent = state.temperature.toFixed(1);
    ui.count.value = String(state.count);
    ui.seed.value = String(state.seed);
  }

  /* ---- drawing ---- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function kindOf(t, i) {
    if (i === 0 || (tok.isSpecial(t.id) && t.id !== tok.unkId)) { return 'special'; }
    if (t.id === tok.unkId) { return 'unknown'; }
    return MARKS.indexOf(t.text) >= 0 && t.text.length === 1 ? 'mark' : 'word';
  }

  /* What the reader sees for a token: its word, or for an unknown word <unk> and what was written. */
  function display(i) {
    var t = state.run.encoding.tokens[i];
    return t.id === tok.unkId ? '<unk> (' + t.source + ')' : tok.word(t.id);
  }

  function point() {
    return state.run.point(state.focus);
  }

  /*
   * Brings a token into view inside the strip, which scrolls by itself on a narrow screen (site.css), without
   * moving the page; elsewhere the strip does not scroll and this does nothing.
   */
  function showInStrip(cell) {
    var s = ui.strip.getBoundingClientRect();
    var c = cell.getBoundingClientRect();
    if (c.top < s.top || c.bottom > s.bottom) {
      ui.strip.scrollTop += c.top - s.top - (ui.strip.clientHeight - c.height) / 2;
    }
  }
  var shownInStrip = null; /* the text and point last brought into view: other redraws leave the strip where the reader put it */

  function render(opts) {
    drawStrip();
    drawPanel();
    drawEditor();
    var preset = presetByText(state.text);
    ui.explorerLink.hidden = !preset;
    if (preset) {
      ui.explorerLink.href = siteRoot + preset.pointHref + state.focus;
      ui.explorerLink.textContent = 'See \u201c' + preset.title + '\u201d in its explorer';
    }
    var n = state.run.object.ids.length;
    ui.meta.textContent = plural(n, 'token', 'tokens') + (n > context ? ', longer than the ' + context + '-token window' : '');
    var cell = ui.strip.children[state.focus];
    var shown = state.focus + ' ' + state.text;
    if (cell && shown !== shownInStrip) {
      showInStrip(cell);
      shownInStrip = shown;
    }
    if (opts.focusToken && cell) { cell.focus({ preventScroll: true }); }
    if ((opts.focusToken || opts.scroll) && cell) { cell.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
    if (opts.announce) {
      ui.announce.textContent = 'Token ' + state.focus + ', ' + display(state.focus) + '.';
    }
  }

  function drawStrip() {
    var p = point();
    var weights = [];
    for (var h = 0; h < heads; h++) {
      var w = {};
      p.heads[h].forEach(function (link) { w[link.source] = link.weight; });
      weights.push(w);
    }
    var frag = document.createDocumentFragment();
    var tokens = state.run.encoding.tokens;
    tokens.forEach(function (t, i) {
      var state_ = i === p.focus ? ' is-focus' : i > p.focus ? ' is-future' : i < p.context_start ? ' is-outside' : '';
      var cell = el('button', 'tok ' + kindOf(t, i) + state_);
      cell.type = 'button';
      cell.setAttribute('data-pos', String(i));
      cell.tabIndex = i === p.focus ? 0 : -1;
      if (i === p.focus) { cell.setAttribute('aria-current', 'true'); }
      cell.title = 'token ' + i + ': ' + display(i);
      var word = el('span', 'w');
      word.appendChild(el('span', 'tk', tok.word(t.id)));
      cell.appendChild(word);
      if (t.id === tok.unkId) { cell.appendChild(el('span', 'src', t.source)); }
      var bars = el('span', 'bars');
      bars.setAttribute('aria-hidden', 'true');
      for (var h2 = 0; h2 < heads; h2++) {
        var bar = el('span', 'bar h' + h2);
        var e = extent(weights[h2][i] || 0);
        bar.setAttribute('data-w', e);
        bar.style.setProperty('--w', e);
        bars.appendChild(bar);
      }
      cell.appendChild(bars);
      frag.appendChild(cell);
    });
    ui.strip.textContent = '';
    ui.strip.appendChild(frag);
  }

  function shownPredictions() {
    state.run.point(state.focus);
    return E.atTemperature(state.run.logitsOf(state.focus), tok, state.count, state.temperature);
  }

  function drawPanel() {
    var p = point();
    var n = state.run.object.ids.length;
    ui.focus.textContent = String(p.focus);
    ui.last.textContent = String(n - 1);
    ui.token.textContent = display(p.focus);

    ui.next.textContent = '';
    if (p.next) {
      ui.next.appendChild(el('span', 'label', 'Actually next'));
      ui.next.appendChild(document.createTextNode(' '));
      ui.next.appendChild(el('span', 'tokname', display(p.focus + 1)));
      ui.next.appendChild(document.createTextNode(' '));
      ui.next.appendChild(el('span', 'rank', p.next.rank !== null ? 'rank ' + p.next.rank : 'not ranked: the model never predicts an unknown word'));
      if (p.next.rank !== null) {
        ui.next.appendChild(document.createTextNode(' '));
        ui.next.appendChild(el('span', 'prob', percent(p.next.prob)));
      }
    } else {
      ui.next.appendChild(el('span', 'label', 'End of your text'));
      ui.next.appendChild(document.createTextNode(' '));
      ui.next.appendChild(el('span', 'rank', 'choose a prediction to continue it'));
    }

    ui.predsTitle.textContent = 'Next token' + (state.temperature === 1 ? '' : ' at temperature ' + state.temperature.toFixed(1));
    ui.preds.textContent = '';
    shownPredictions().forEach(function (pr) {
      var li = el('li');
      var b = el('button', 'pred' + (p.next && p.next.id === pr.id ? ' is-actual' : ''));
      b.type = 'button';
      b.setAttribute('data-id', String(pr.id));
      b.title = 'Insert \u201c' + pr.token + '\u201d after token ' + p.focus;
      b.appendChild(el('span', 'pred-tok', pr.token));
      var track = el('span', 'pred-track');
      var bar = el('span', 'pred-bar');
      bar.style.setProperty('--p', extent(pr.prob));
      track.appendChild(bar);
      b.appendChild(track);
      b.appendChild(el('span', 'pred-pct', percent(pr.prob)));
      li.appendChild(b);
      ui.preds.appendChild(li);
    });

    ui.reads.textContent = '';
    for (var h = 0; h < heads; h++) {
      var box = el('div', 'head-reads h' + h);
      box.appendChild(el('h4', null, 'head ' + h));
      var ol = el('ol');
      p.heads[h].forEach(function (link) {
        var li = el('li');
        li.appendChild(el('span', 'tokname', display(link.source)));
        li.appendChild(el('span', 'at', '#' + link.source));
        li.appendChild(el('span', 'pct', percent(link.weight)));
        ol.appendChild(li);
      });
      box.appendChild(ol);
      ui.reads.appendChild(box);
    }
    ui.window.textContent = windowText(p);
  }

  function windowText(p) {
    var size = p.focus - p.context_start + 1;
    if (p.context_start === 0) {
      return 'The model reads tokens 0\u2013' + p.focus + ': ' + size + ' of its ' + context + '-token window.';
    }
    return 'The model reads tokens ' + p.context_start + '\u2013' + p.focus + ', a full ' + context +
      '-token window; the ' + plural(p.context_start, 'token', 'tokens') + ' before it are out of reach (greyed).';
  }

  /* ---- editing: the selected token's replacement, insert, delete ---- */

  function drawEditor() {
    var isBos = state.focus === 0;
    var t = state.run.encoding.tokens[state.focus];
    ui.editInput.disabled = isBos;
    ui.insertBefore.disabled = isBos;
    ui.del.disabled = isBos;
    ui.editInput.value = isBos ? '' : (t.id === tok.unkId ? t.text : tok.word(t.id));
    ui.editInput.placeholder = isBos ? 'the start of the text' : '';
    drawSuggestions();
  }

  function query() {
    var q = ui.editInput.value.trim().toLowerCase();
    var m = /[a-z]+|[.,!?]/.exec(q);
    return m ? m[0] : '';
  }

  function suggestions() {
    var q = query();
    if (!q) { return []; }
    return tok.suggest(q, 8, MARKS.indexOf(q) >= 0);
  }

  function drawSuggestions() {
    ui.suggestions.textContent = '';
    if (state.focus === 0) { return; }
    suggestions().forEach(function (s) {
      var li = el('li');
      var b = el('button', 'pg-suggestion');
      b.type = 'button';
      b.setAttribute('data-word', s.word);
      b.appendChild(el('span', 'pg-suggestion-word', s.word));
      b.appendChild(el('span', 'pg-suggestion-meta', s.distance === 0 ? 'in the vocabulary' : plural(s.distance, 'edit', 'edits') + ', #' + s.id));
      li.appendChild(b);
      ui.suggestions.appendChild(li);
    });
  }

  /* The word an insertion puts in: the best suggestion for the box, or "the" when the box is empty. */
  function wordToInsert() {
    var s = suggestions();
    return s.length ? s[0].word : 'the';
  }

  /*
   * A text edited at the token level. Each token owns the text from where it starts to where the next one starts
   * (its separators: spaces, quotes, digits, accents), and the text before the first token stays in front, so
   * untouched tokens keep what the reader wrote. New or changed words join their neighbours with a space where
   * two words would otherwise run together.
   */
  function pieces() {
    var text = state.text;
    var tokens = state.run.encoding.tokens;
    var out = [];
    for (var i = 1; i < tokens.length; i++) {
      var end = i + 1 < tokens.length ? tokens[i + 1].start : text.length;
      out.push({ text: text.substring(tokens[i].start, end), id: tokens[i].id, word: tokens[i].text, changed: false });
    }
    return { lead: text.substring(0, tokens.length > 1 ? tokens[1].start : text.length), list: out };
  }

  var WORDISH = /[\p{L}\p{N}]/u;
  function join(p) {
    var text = p.lead;
    p.list.forEach(function (piece, i) {
      var before = text.slice(-1);
      var prevChanged = i > 0 && p.list[i - 1].changed;
      if ((piece.changed || prevChanged) && before && !/\s/.test(before) && WORDISH.test(piece.text.charAt(0))) {
        text += ' ';
      }
      text += piece.text;
    });
    return text;
  }

  /* Token ids of the edited list: what the new text must tokenise to. */
  function intended(p) {
    return [tok.bosId].concat(p.list.map(function (x) { return x.id; }));
  }

  /* The new text; a plain spelling of the words when the reader's own spelling would not give those tokens. */
  function textOf(p) {
    var text = join(p);
    var ids = tok.encode(text).tokens.map(function (t) { return t.id; });
    if (ids.join() === intended(p).join()) {
      return text;
    }
    var plain = '';
    p.list.forEach(function (x) {
      var w = x.id === tok.unkId ? x.word : tok.word(x.id);
      plain += (MARKS.indexOf(w) >= 0 || plain === '' ? '' : ' ') + w;
    });
    return plain;
  }

  function newPiece(word) {
    return { text: word, id: tok.idOf(word) >= 0 ? tok.idOf(word) : tok.unkId, word: word, changed: true };
  }

  function replaceSelected(word) {
    if (state.focus === 0) { return; }
    var p = pieces();
    var old = p.list[state.focus - 1];
    var token = state.run.encoding.tokens[state.focus];
    /* keep what followed the token, less the rest of a written word ("Café" replaced keeps " ", not "é ") */
    var tail = old.text.substring(token.end - token.start).replace(/^\p{L}+/u, '');
    var piece = newPiece(word);
    piece.text = word + tail;
    p.list[state.focus - 1] = piece;
    show(textOf(p), state.focus, { focusToken: false });
  }

  function insertAt(index, word) {
    var p = pieces();
    p.list.splice(index - 1, 0, newPiece(word));
    show(textOf(p), index);
  }

  function deleteSelected() {
    if (state.focus === 0) { return; }
    var p = pieces();
    p.list.splice(state.focus - 1, 1);
    if (p.list.length) {
      p.list[Math.min(state.focus - 1, p.list.length - 1)].changed = true;
    }
    show(textOf(p), state.focus - 1);
  }

  /* ---- generation: top 1 and seeded sampling at a temperature ---- */

  /* A draw in [0, 1) from the seed and the place it is drawn for: the same link and the same click give the same token. */
  function draw(seed, length, focus) {
    var a = (seed ^ Math.imul(length, 0x9e3779b1) ^ Math.imul(focus + 1, 0x85ebca6b)) >>> 0;
    /* mulberry32, one step */
    a = (a + 0x6d2b79f5) >>> 0;
    var t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function sample() {
    var preds = shownPredictions();
    var total = 0;
    preds.forEach(function (p) { total += p.prob; });
    var r = draw(state.seed, state.run.object.ids.length, state.focus) * total;
    for (var i = 0; i < preds.length; i++) {
      r -= preds[i].prob;
      if (r < 0) { return preds[i]; }
    }
    return preds[preds.length - 1];
  }

  function append(id) {
    insertAt(state.focus + 1, tok.word(id));
  }

  /* ---- events ---- */

  ui.tokenize.addEventListener('click', function () {
    show(ui.text.value, null, { scroll: true });
  });
  ui.text.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      show(ui.text.value, null, { scroll: true });
    }
  });
  ui.preset.addEventListener('change', function () {
    var p = presetBySlug(ui.preset.value);
    if (p) { show(p.text, null); }
  });

  ui.strip.addEventListener('click', function (ev) {
    var cell = ev.target.closest('.tok');
    if (!cell) { return; }
    state.focus = Number(cell.getAttribute('data-pos'));
    render({ focusToken: true, announce: true });
    writeHash();
  });
  ui.strip.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || tour.active) { return; }
    var n = state.run.object.ids.length;
    var to;
    switch (ev.key) {
      case 'ArrowLeft': to = state.focus - 1; break;
      case 'ArrowRight': to = state.focus + 1; break;
      case 'Home': to = 0; break;
      case 'End': to = n - 1; break;
      default: return;
    }
    ev.preventDefault();
    state.focus = clamp(to, 0, n - 1);
    render({ focusToken: true, announce: true });
    writeHash();
  });

  ui.preds.addEventListener('click', function (ev) {
    var b = ev.target.closest('.pred');
    if (b) { append(Number(b.getAttribute('data-id'))); }
  });
  ui.top1.addEventListener('click', function () {
    append(shownPredictions()[0].id);
  });
  ui.sample.addEventListener('click', function () {
    append(sample().id);
  });
  ui.temp.addEventListener('input', function () {
    state.temperature = clamp(Math.round(Number(ui.temp.value) * 10) / 10, 0.2, 2);
    ui.tempValue.textContent = state.temperature.toFixed(1);
    drawPanel();
    writeHash();
  });
  ui.count.addEventListener('change', function () {
    state.count = clamp(Math.round(Number(ui.count.value)) || 10, 5, 30);
    ui.count.value = String(state.count);
    drawPanel();
    writeHash();
  });
  ui.seed.addEventListener('change', function () {
    state.seed = clamp(Math.floor(Number(ui.seed.value)) || 0, 0, 2147483647);
    ui.seed.value = String(state.seed);
    writeHash();
  });

  ui.editInput.addEventListener('input', drawSuggestions);
  ui.editInput.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      var s = suggestions();
      if (s.length) { replaceSelected(s[0].word); }
    }
  });
  ui.suggestions.addEventListener('click', function (ev) {
    var b = ev.target.closest('.pg-suggestion');
    if (b) { replaceSelected(b.getAttribute('data-word')); }
  });
  ui.insertBefore.addEventListener('click', function () { insertAt(Math.max(1, state.focus), wordToInsert()); });
  ui.insertAfter.addEventListener('click', function () { insertAt(state.focus + 1, wordToInsert()); });
  ui.del.addEventListener('click', deleteSelected);

  /* A link may carry only some fields (#point=5, #temp=1.5): the others keep what is shown, and the page is drawn
     again either way, since a new temperature or count changes the panel as a new point does. */
  window.addEventListener('hashchange', function () {
    var h = readHash();
    applySettings(h);
    var point = h.point !== undefined && isFinite(Number(h.point)) ? Math.floor(Number(h.point)) : null;
    if (h.text !== undefined) {
      show(h.text, point, { scroll: true });
    } else if (state.run) {
      show(state.text, point === null ? state.focus : point, { scroll: true });
    }
  });

  /* ---- the guided tour ---- */

  var tour = {
    active: false,
    index: 0,
    target: null,
    card: $('pg-tour'),
    steps: [
      { id: 'pg-text', title: 'Write a text', body: 'Type anything, or start from one of the site\u2019s stories. Tokenise and run (or Ctrl+Enter) splits it into the model\u2019s words and runs the model on every one of them, here in your browser.' },
      { id: 'strip', title: 'The tokens', body: 'Each tile is one token. Words the model does not know become <unk>, with what you wrote under it. Click a token, or use the arrow keys, to see what the model predicts after it.' },
      { id: 'pg-strip-card', title: 'Two attention heads', body: 'The bars under the tokens show how much each head reads from each earlier token when predicting after the selected one: at most five tokens per head get any attention at all.' },
      { id: 'pg-next', title: 'What really came next', body: 'Where your text goes on, this is the token that follows, with the rank and probability the model gave it.' },
      { id: 'pg-gen', title: 'Generate', body: 'Top 1 adds the most likely next token; Sample draws one of the listed tokens by probability. The seed makes a draw repeatable: the same link and the same click give the same word. Temperature sharpens (below 1) or flattens (above 1) the list.' },
      { id: 'pg-predictions', title: 'The next-token list', body: 'The model\u2019s most likely next tokens. Click one to insert it after the selected token.' },
      { id: 'pg-edit', title: 'Edit a token', body: 'Type a replacement for the selected token and pick a word of the vocabulary, ranked by how few letters differ and then by how common it is. Insert before or after, or delete, and everything is computed again.' },
      { id: 'self-check', title: 'Checked against the build', body: 'When the page opens, it runs one of the stories and compares every number with the ones the build computed and verified. The address of the page holds your text and the selected token, so a link reproduces exactly what you see.' }
    ]
  };

  function showStep(i) {
    if (i < 0) { i = 0; }
    if (i >= tour.steps.length) { endTour(); return; }
    if (tour.target) { tour.target.classList.remove('pg-tour-target'); }
    tour.index = i;
    var step = tour.steps[i];
    tour.target = $(step.id);
    tour.target.classList.add('pg-tour-target');
    tour.target.scrollIntoView({ block: 'center', inline: 'nearest' });
    $('pg-tour-step').textContent = 'Step ' + (i + 1) + ' of ' + tour.steps.length + ' \u00b7 \u2190 \u2192 to move, Esc to close';
    $('pg-tour-title').textContent = step.title;
    $('pg-tour-body').textContent = step.body;
    $('pg-tour-prev').disabled = i === 0;
    $('pg-tour-next').textContent = i === tour.steps.length - 1 ? 'Finish' : 'Next';
    placeCard();
  }

  function placeCard() {
    var card = tour.card;
    var r = tour.target.getBoundingClientRect();
    var margin = 12;
    var w = card.offsetWidth;
    var h = card.offsetHeight;
    var top = r.bottom + margin;
    if (top + h > window.innerHeight - margin) { top = r.top - h - margin; }
    top = clamp(top, margin, Math.max(margin, window.innerHeight - h - margin));
    var left = clamp(r.left, margin, Math.max(margin, window.innerWidth - w - margin));
    card.style.top = top + 'px';
    card.style.left = left + 'px';
  }

  function startTour() {
    tour.active = true;
    tour.card.hidden = false;
    showStep(0);
    $('pg-tour-next').focus();
  }

  function endTour() {
    if (tour.target) { tour.target.classList.remove('pg-tour-target'); }
    tour.target = null;
    tour.active = false;
    tour.card.hidden = true;
    ui.tourStart.focus();
  }

  ui.tourStart.addEventListener('click', startTour);
  $('pg-tour-prev').addEventListener('click', function () { showStep(tour.index - 1); });
  $('pg-tour-next').addEventListener('click', function () { showStep(tour.index + 1); });
  $('pg-tour-close').addEventListener('click', endTour);
  window.addEventListener('keydown', function (ev) {
    if (!tour.active) { return; }
    if (ev.key === 'Escape') { ev.preventDefault(); endTour(); }
    else if (ev.key === 'ArrowRight') { ev.preventDefault(); showStep(tour.index + 1); }
    else if (ev.key === 'ArrowLeft') { ev.preventDefault(); showStep(tour.index - 1); }
  }, true);
  window.addEventListener('resize', function () { if (tour.active) { placeCard(); } });

  /* ---- save as story: only under attoscope serve, which answers form posts on its own origin ---- */

  var SAVED_KEY = 'attoscope-playground-saved';

  var served = location.protocol === 'http:' && (location.hostname === '127.0.0.1' || location.hostname === 'localhost') &&
    document.querySelector('script[src="/__attoscope/live.js"]') !== null;
  if (served) {
    var save = $('pg-save');
    var form = $('pg-save-form');
    var frame = $('pg-save-frame');
    save.hidden = false;
    form.action = '/__attoscope/stories';
    $('pg-save-title').addEventListener('input', function () {
      $('pg-save-slug').value = $('pg-save-title').value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
    });
    form.addEventListener('submit', function () {
      /* What is in the box is what the writer means to save, run or not; running it puts it in the address too,
         so the page the rebuild reloads shows the saved text. */
      if (ui.text.value !== state.text && ui.text.value.trim() !== '') { show(ui.text.value, null); }
      $('pg-save-text').value = state.text;
      $('pg-save-result').textContent = 'Saving\u2026';
    });
    frame.addEventListener('load', function () {
      var doc = frame.contentDocument;
      var result = doc && doc.getElementById('result');
      if (!result) { return; }
      $('pg-save-result').textContent = result.textContent;
      if (result.getAttribute('data-status') === '201') {
        /* The save makes serve rebuild, and the rebuild reloads this page: keep the answer for the page after it. */
        try {
          sessionStorage.setItem(SAVED_KEY, JSON.stringify({ message: result.textContent, explorer: result.getAttribute('data-explorer') }));
        } catch (e) { /* storage refused: the answer stays until the reload */ }
      }
    });
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SAVED_KEY) || 'null');
      sessionStorage.removeItem(SAVED_KEY);
    } catch (e) { saved = null; }
    if (saved && typeof saved.message === 'string') {
      save.open = true;
      var out = $('pg-save-result');
      out.textContent = saved.message + ' ';
      /* the server's address for the new explorer, from the site root: taken only as a plain relative path */
      if (/^[a-z0-9][a-z0-9\/_.-]*$/.test(saved.explorer || '') && saved.explorer.indexOf('..') < 0) {
        var a = document.createElement('a');
        a.id = 'pg-save-explorer';
        a.href = siteRoot + saved.explorer;
        a.textContent = 'Open its explorer';
        out.appendChild(a);
      }
    }
  }

  /* ---- start ---- */

  root.hidden = false;
  selfCheck();
  var h = readHash();
  applySettings(h);
  var first = h.text !== undefined ? h.text : reference ? reference.text : presets.length ? presets[0].text : 'Once upon a time, there was a little girl named Lily.';
  show(first, h.point !== undefined ? Number(h.point) : null, { scroll: h.point !== undefined });
}());
