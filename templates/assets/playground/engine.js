/*
 * attoscope's engine in the page: the tokenizer and the forward pass of the build's Java engine
 * (generator/.../model/Tokenizer, AttoGpt, AttentionWindow, QkvTable, RmsNorm, Erf, util/FdlibmExp and
 * trace/NextTokenDistribution), ported operation for operation.
 *
 * Every number is the Java engine's, to the last bit (the page's self-check requires it of a whole story):
 * - Storage is float32 (Float32Array, or Math.fround where Java casts to float). The dense products after attention
 *   (the projection, the MLP and the logits) are float32 sums as model/Gemm's, in WebAssembly SIMD (kernels.wat) or,
 *   without WebAssembly, with Math.fround here; every other sum is a double added in the Java engine's order (the
 *   qkv projections too in WebAssembly, two doubles a vector, or here without it).
 *   Float32 add and multiply equal the double result rounded to float32, so Math.fround(a + b) is Java's float a + b.
 * - exp and erf are fdlibm's, ported here, not Math.exp: a browser's Math.exp is only required to be close.
 * - Ties break as in Java: the earlier position in the top-k attention, the lower id in the predictions.
 *
 * No framework and nothing from the network: the weights arrive as a script (playground/weights.js) and are
 * hash-checked (SHA-256, below) before use; the kernels arrive as a script too (assets/playground/kernels.js, a site
 * file the verifier checks byte for byte, as every script). Works in a browser and under Node (for tests).
 */
(function (root) {
  'use strict';

  /* ---- fdlibm exp (e_exp.c), as util/FdlibmExp.java ---- */

  var F64 = new Float64Array(1);
  var U32 = new Uint32Array(F64.buffer);
  var LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  var HI = LITTLE ? 1 : 0;
  var LO = LITTLE ? 0 : 1;

  var HUGE = 1.0e+300;
  var TWOM1000 = 9.33263618503218878990e-302;
  var O_THRESHOLD = 7.09782712893383973096e+02;
  var U_THRESHOLD = -7.45133219101941108420e+02;
  var LN2_HI = 6.93147180369123816490e-01;
  var LN2_LO = 1.90821492927058770002e-10;
  var INV_LN2 = 1.44269504088896338700e+00;
  var P1 = 1.66666666666666019037e-01;
  var P2 = -2.77777777770155933842e-03;
  var P3 = 6.61375632143793436117e-05;
  var P4 = -1.65339022054652515390e-06;
  var P5 = 4.13813679705723846039e-08;

  /*
   * fdlibm reads the high word of x to pick its range; comparing |x| with the doubles whose high word is each
   * threshold (low word 0) picks the same range without reading bits. Scaling y by 2^k through a table is the
   * same exact operation as fdlibm's adding k to y's exponent field, since the result stays normal.
   */
  function doubleWithHighWord(hi) {
    F64[0] = 0;
    U32[HI] = hi;
    return F64[0];
  }
  var AT_OVERFLOW_CHECK = doubleWithHighWord(0x40862E42); /* hx >= 0x40862E42 */
  var AT_REDUCE = doubleWithHighWord(0x3fd62e43); /* hx > 0x3fd62e42 */
  var BELOW_ONE_LN2 = doubleWithHighWord(0x3FF0A2B2); /* hx < 0x3FF0A2B2 */
  var BELOW_TINY = doubleWithHighWord(0x3e300000); /* hx < 0x3e300000 */
  var POW2_BIAS = 1100;
  var POW2 = new Float64Array(2 * POW2_BIAS);
  (function () {
    var p = 1;
    for (var k = 0; k <= 1023; k++) {
      POW2[POW2_BIAS + k] = p;
      p *= 2;
    }
    p = 1;
    for (k = 0; k >= -1060; k--) {
      POW2[POW2_BIAS + k] = p;
      p /= 2;
    }
  }());

  function exp(x) {
    var ax = x < 0 ? -x : x;
    var hi = 0;
    var lo = 0;
    var k = 0;
    if (!(ax < AT_OVERFLOW_CHECK)) {
      if (x !== x) {
        return x + x;
      }
      if (ax === Infinity) {
        return x > 0 ? x : 0.0;
      }
      if (x > O_THRESHOLD) {
        return HUGE * HUGE;
      }
      if (x < U_THRESHOLD) {
        return TWOM1000 * TWOM1000;
      }
    }
    if (ax >= AT_REDUCE) {
      if (ax < BELOW_ONE_LN2) {
        if (x >= 0) {
          hi = x - LN2_HI;
          lo = LN2_LO;
          k = 1;
        } else {
          hi = x + LN2_HI;
          lo = -LN2_LO;
          k = -1;
        }
      } else {
        k = (INV_LN2 * x + (x >= 0 ? 0.5 : -0.5)) | 0;
        hi = x - k * LN2_HI;
        lo = k * LN2_LO;
      }
      x = hi - lo;
    } else if (ax < BELOW_TINY) {
      if (HUGE + x > 1.0) {
        return 1.0 + x;
      }
    }
    var t = x * x;
    var c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k === 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    var y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
      return k === 1024 ? y * 2 * POW2[POW2_BIAS + 1023] : y * POW2[POW2_BIAS + k];
    }
    return y * POW2[POW2_BIAS + k + 1000] * TWOM1000;
  }

  /*
   * exp for the softmax's x = l - max <= 0, 4,093 calls a point: fdlibm's steps for that half only (the same
   * operations, so the same bits as exp), without the branches for positive, huge and non-finite arguments.
   */
  function expNonPositive(x) {
    if (!(x >= U_THRESHOLD && x <= 0)) {
      return exp(x);
    }
    var ax = -x;
    var hi = 0;
    var lo = 0;
    var k = 0;
    if (ax >= AT_REDUCE) {
      if (ax < BELOW_ONE_LN2) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        k = (INV_LN2 * x - 0.5) | 0;
        hi = x - k * LN2_HI;
        lo = k * LN2_LO;
      }
      x = hi - lo;
    } else if (ax < BELOW_TINY) {
      return 1.0 + x;
    }
    var t = x * x;
    var c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k === 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    var y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
      return y * POW2[POW2_BIAS + k];
    }
    return y * POW2[POW2_BIAS + k + 1000] * TWOM1000;
  }

  /* ---- fdlibm erf (s_erf.c), as model/Erf.java ---- */

  var ERX = 8.45062911510467529297e-01;
  var EFX8 = 1.02703333676410069053e+00;
  var PP0 = 1.28379167095512558561e-01, PP1 = -3.25042107247001499370e-01, PP2 = -2.84817495755985104766e-02,
    PP3 = -5.77027029648944159157e-03, PP4 = -2.37630166566501626084e-05;
  var QQ1 = 3.97917223959155352819e-01, QQ2 = 6.50222499887672944485e-02, QQ3 = 5.08130628187576562776e-03,
    QQ4 = 1.32494738004321644526e-04, QQ5 = -3.96022827877536812320e-06;
  var PA0 = -2.36211856075265944077e-03, PA1 = 4.14856118683748331666e-01, PA2 = -3.72207876035701323847e-01,
    PA3 = 3.18346619901161753674e-01, PA4 = -1.10894694282396677476e-01, PA5 = 3.54783043256182359371e-02,
    PA6 = -2.16637559486879084300e-03;
  var QA1 = 1.06420880400844228286e-01, QA2 = 5.40397917702171048937e-01, QA3 = 7.18286544141962662868e-02,
    QA4 = 1.26171219808761642112e-01, QA5 = 1.36370839120290507362e-02, QA6 = 1.19844998467991074170e-02;
  var RA0 = -9.86494403484714822705e-03, RA1 = -6.93858572707181764372e-01, RA2 = -1.05586262253232909814e+01,
    RA3 = -6.23753324503260060396e+01, RA4 = -1.62396669462573470355e+02, RA5 = -1.84605092906711035994e+02,
    RA6 = -8.12874355063065934246e+01, RA7 = -9.81432934416914548592e+00;
  var SA1 = 1.96512716674392571292e+01, SA2 = 1.37657754143519042600e+02, SA3 = 4.34565877475229228821e+02,
    SA4 = 6.45387271733267880336e+02, SA5 = 4.29008140027567833386e+02, SA6 = 1.08635005541779435134e+02,
    SA7 = 6.57024977031928170135e+00, SA8 = -6.04244152148580987438e-02;
  var RB0 = -9.86494292470009928597e-03, RB1 = -7.99283237680523006574e-01, RB2 = -1.77579549177547519889e+01,
    RB3 = -1.60636384855821916062e+02, RB4 = -6.37566443368389627722e+02, RB5 = -1.02509513161107724954e+03,
    RB6 = -4.83519191608651397019e+02;
  var SB1 = 3.03380607434824582924e+01, SB2 = 3.25792512996573918826e+02, SB3 = 1.53672958608443695994e+03,
    SB4 = 3.19985821950859553908e+03, SB5 = 2.55305040643316442583e+03, SB6 = 4.74528541206955367215e+02,
    SB7 = -2.24409524465858183362e+01;
  var TWO_M28 = 3.725290298461914e-9; /* 0x1p-28 */
  var TINY_ONE = 1 - 2.2250738585072014e-308; /* 1 - 0x1p-1022, which rounds to 1 */

  function erf(x) {
    if (x !== x) {
      return x;
    }
    var ax = Math.abs(x);
    if (ax < 0.84375) {
      if (ax < TWO_M28) {
        return (8 * x + EFX8 * x) / 8;
      }
      var z2 = x * x;
      var r0 = PP0 + z2 * (PP1 + z2 * (PP2 + z2 * (PP3 + z2 * PP4)));
      var s0 = 1 + z2 * (QQ1 + z2 * (QQ2 + z2 * (QQ3 + z2 * (QQ4 + z2 * QQ5))));
      return x + x * (r0 / s0);
    }
    var y;
    if (ax < 1.25) {
      var s1 = ax - 1;
      var p = PA0 + s1 * (PA1 + s1 * (PA2 + s1 * (PA3 + s1 * (PA4 + s1 * (PA5 + s1 * PA6)))));
      var q = 1 + s1 * (QA1 + s1 * (QA2 + s1 * (QA3 + s1 * (QA4 + s1 * (QA5 + s1 * QA6)))));
      y = ERX + p / q;
    } else if (ax < 6) {
      var s = 1 / (ax * ax);
      var r;
      var qq;
      if (ax < 1 / 0.35) {
        r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
        qq = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
      } else {
        r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
        qq = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
      }
      /* z is ax with the low 32 bits cleared, so z*z is exact and exp(-z*z) loses nothing. */
      F64[0] = ax;
      U32[LO] = 0;
      var z = F64[0];
      var erfc = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + r / qq) / ax;
      y = 1 - erfc;
    } else {
      y = TINY_ONE;
    }
    return x < 0 ? -y : y;
  }

  function gelu(x) {
    return 0.5 * x * (1 + erf(x / Math.SQRT2));
  }

  /* ---- the word tokenizer, as model/Tokenizer.java ---- */

  var PAD = '<pad>';
  var BOS = '<bos>';
  var EOS = '<eos>';
  var UNK = '<unk>';
  var MARKS = '.,!?';

  function isSpecialWord(w) {
    return w === PAD || w === BOS || w === EOS || w === UNK;
  }

  /* A single UTF-16 unit that is a letter, as Java's Character.isLetter(char). */
  var LETTER = /^\p{L}$/u;
  function isLetterUnit(ch) {
    return LETTER.test(ch);
  }

  function editDistance(a, b) {
    var prev = new Int32Array(b.length + 1);
    var cur = new Int32Array(b.length + 1);
    for (var j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (j = 1; j <= b.length; j++) {
        var sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      var t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  function Tokenizer(itos) {
    this.itos = itos.slice();
    this.stoi = new Map();
    for (var i = 0; i < this.itos.length; i++) {
      if (!this.stoi.has(this.itos[i])) {
        this.stoi.set(this.itos[i], i);
      }
    }
    this.bosId = this.idOf(BOS);
    this.unkId = this.idOf(UNK);
    this.padId = this.idOf(PAD);
    if (this.bosId < 0 || this.unkId < 0 || this.padId < 0) {
      throw new Error('a vocabulary needs <pad>, <bos> and <unk>');
    }
    /* 1 for the ids no prediction may be: read in the loops over every logit of every point. */
    this.excluded = new Uint8Array(this.itos.length);
    this.excluded[this.padId] = 1;
    this.excluded[this.bosId] = 1;
    this.excluded[this.unkId] = 1;
  }

  Tokenizer.prototype.idOf = function (word) {
    var id = this.stoi.get(word);
    return id === undefined ? -1 : id;
  };

  Tokenizer.prototype.size = function () {
    return this.itos.length;
  };

  Tokenizer.prototype.word = function (id) {
    return id >= 0 && id < this.itos.length ? this.itos[id] : UNK;
  };

  Tokenizer.prototype.isExcluded = function (id) {
    return this.excluded[id] === 1;
  };

  Tokenizer.prototype.isSpecial = function (id) {
    return isSpecialWord(this.word(id));
  };

  /*
   * Tokens of text, <bos> first: {id, text, start, end, source}, offsets in UTF-16 units as Java's. Lower-cases per
   * code point, as the Java scan does: a character whose lower case is several (İ is "i" and a combining dot)
   * contributes its letters and separators in turn.
   */
  Tokenizer.prototype.encode = function (text) {
    var tokens = [{ id: this.bosId, text: BOS, start: 0, end: 0, source: '' }];
    var unknown = [];
    var word = '';
    var wordStart = -1;
    var i = 0;
    var n = text.length;
    while (i <= n) {
      var cp = i < n ? text.codePointAt(i) : 32;
      var next = i + (i < n ? (cp > 0xffff ? 2 : 1) : 1);
      var lower = String.fromCodePoint(cp).toLowerCase();
      for (var k = 0; k < lower.length; k++) {
        var c = lower.charAt(k);
        if (c >= 'a' && c <= 'z') {
          if (wordStart < 0) {
            wordStart = i;
          }
          word += c;
          continue;
        }
        if (wordStart >= 0) {
          this.addWord(text, word, wordStart, k === 0 ? i : next, tokens, unknown);
          word = '';
          wordStart = -1;
        }
        if (i < n && MARKS.indexOf(c) >= 0) {
          var id = this.stoi.get(c);
          tokens.push({ id: id === undefined ? this.unkId : id, text: c, start: i, end: next, source: c });
        }
      }
      i = next;
    }
    return { tokens: tokens, unknown: unknown };
  };

  Tokenizer.prototype.addWord = function (text, word, start, end, tokens, unknown) {
    var id = this.stoi.get(word);
    var source = text.substring(start, end);
    if (id === undefined || isSpecialWord(word)) {
      /* Show the reader the whole written word ("Café", not "Caf"): widen over adjacent letters. */
      var s = start;
      while (s > 0 && isLetterUnit(text.charAt(s - 1))) {
        s--;
      }
      var e = end;
      while (e < text.length && isLetterUnit(text.charAt(e))) {
        e++;
      }
      source = text.substring(s, e);
      unknown.push({ position: tokens.length, word: word, source: source, nearest: this.nearest(word, 3) });
      tokens.push({ id: this.unkId, text: word, start: start, end: end, source: source });
    } else {
      tokens.push({ id: id, text: word, start: start, end: end, source: source });
    }
  };

  /* The count vocabulary words closest to word: fewest edits first, then the more frequent (lower id). */
  Tokenizer.prototype.nearest = function (word, count) {
    return this.suggest(word, count, false).map(function (s) { return s.word; });
  };

  /*
   * Replacement candidates for what the reader typed, by edit distance, then frequency (the vocabulary is in
   * order of frequency, so the lower id). Marks are candidates only when asked for (withMarks).
   */
  Tokenizer.prototype.suggest = function (word, count, withMarks) {
    var all = [];
    for (var id = 0; id < this.itos.length; id++) {
      var w = this.itos[id];
      if (isSpecialWord(w) || (!withMarks && MARKS.indexOf(w) >= 0)) {
        continue;
      }
      all.push({ id: id, word: w, distance: editDistance(word, w) });
    }
    all.sort(function (a, b) { return a.distance - b.distance || a.id - b.id; });
    return all.slice(0, count);
  };

  /* ---- the forward pass, as model/AttoGpt.java ---- */

  function config(manifest) {
    var c = manifest.config;
    return {
      vocab: c.vocab_size,
      block: c.block_size,
      width: c.n_embd,
      heads: c.n_head,
      headWidth: c.n_embd / c.n_head,
      hidden: c.hidden !== undefined ? c.hidden : Math.floor(c.mlp_mult * c.n_embd),
      topk: c.topk_attn
    };
  }

  /* The float32 weights of model.bin (little-endian) as one array, whatever this machine's byte order. */
  function floatsOf(bytes) {
    var n = bytes.length >> 2;
    if (LITTLE && bytes.byteOffset % 4 === 0) {
      return new Float32Array(bytes.buffer, bytes.byteOffset, n);
    }
    var out = new Float32Array(n);
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    for (var i = 0; i < n; i++) {
      out[i] = view.getFloat32(i * 4, true);
    }
    return out;
  }

  /*
   * Sum of squares in four interleaved lanes, combined as (l0 + l1) + (l2 + l3): model/RmsNorm.sumOfSquares.
   */
  function sumOfSquares(a, at, n) {
    var s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    var i = 0;
    for (; i + 4 <= n; i += 4) {
      var x0 = a[at + i], x1 = a[at + i + 1], x2 = a[at + i + 2], x3 = a[at + i + 3];
      s0 += x0 * x0;
      s1 += x1 * x1;
      s2 += x2 * x2;
      s3 += x3 * x3;
    }
    for (; i < n; i++) {
      var x = a[at + i];
      s0 += x * x;
    }
    return (s0 + s1) + (s2 + s3);
  }

  function rmsScale(a, at, n) {
    return 1 / Math.sqrt(sumOfSquares(a, at, n) / n + 1e-6);
  }

  function rmsApply(input, at, weight, out, outAt) {
    var n = weight.length;
    var scale = rmsScale(input, at, n);
    for (var i = 0; i < n; i++) {
      out[outAt + i] = input[at + i] * scale * weight[i];
    }
  }

  /*
   * The dense products after attention (the projection, the MLP and the logits), y = x W^T for n rows with W
   * [out][in] row-major, in float32 with the bits of the build's Java engine (model/Gemm): every output is the
   * float sum (((0 + x0 w0) + x1 w1) + ...) of rounded float products, added in input order.
   *
   * Two ways to the same bits. WasmProducts runs kernels.wasm (its source, kernels.wat, says how): SIMD lanes are four
   * outputs, each doing exactly the scalar sequence, about six times the speed of the loop below in Chromium. Both
   * also run the qkv projections' double product (multiplyDouble), WasmProducts in kernels.wasm's gemm64.
   * ScriptProducts is that loop, for a browser without WebAssembly: Math.fround rounds each product and each add as
   * Java's float arithmetic does (an f32 add or multiply is the double result rounded to float32).
   */
  function ScriptProducts() {
    this.kind = 'javascript';
  }

  ScriptProducts.prototype.weight = function (w, outDim, inDim) {
    return { w: w, inDim: inDim, outDim: outDim };
  };

  ScriptProducts.prototype.doubleWeight = ScriptProducts.prototype.weight;

  /* The product in double, for double rows x and y (the qkv projections: see linearDouble). */
  ScriptProducts.prototype.multiplyDouble = function (weight, x, n, y) {
    linearDouble(x, n, weight.w, weight.inDim, weight.outDim, y);
  };

  ScriptProducts.prototype.multiply = function (weight, x, n, y) {
    var w = weight.w;
    var inDim = weight.inDim;
    var outDim = weight.outDim;
    var fround = Math.fround;
    for (var r = 0; r < n; r++) {
      var xr = r * inDim;
      var yr = r * outDim;
      var j = 0;
      for (; j + 4 <= outDim; j += 4) {
        var w0 = j * inDim, w1 = w0 + inDim, w2 = w1 + inDim, w3 = w2 + inDim;
        var s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (var k = 0; k < inDim; k++) {
          var v = x[xr + k];
          s0 = fround(s0 + fround(v * w[w0 + k]));
          s1 = fround(s1 + fround(v * w[w1 + k]));
          s2 = fround(s2 + fround(v * w[w2 + k]));
          s3 = fround(s3 + fround(v * w[w3 + k]));
        }
        y[yr + j] = s0; y[yr + j + 1] = s1; y[yr + j + 2] = s2; y[yr + j + 3] = s3;
      }
      for (; j < outDim; j++) {
        var wj = j * inDim;
        var acc = 0;
        for (k = 0; k < inDim; k++) {
          acc = fround(acc + fround(x[xr + k] * w[wj + k]));
        }
        y[yr + j] = acc;
      }
    }
  };

  var PAGE = 65536;
  /* Output groups of eight per call of gemm (see multiply): the logits' 4,096 outputs in eight calls. */
  var SLICE_GROUPS = 64;

  /*
   * kernels.wasm's gemm on this model's weights. The weights are copied into its memory once, eight outputs by
   * eight (group g, input k: W[8g][k] .. W[8g+7][k], zero rows past the last output); a batch's rows go in four by
   * four behind them (block b, input k: x[4b][k] .. x[4b+3][k], zero rows past the last), and the products come
   * back row by row.
   */
  function WasmProducts(module) {
    this.kind = 'webassembly';
    this.exports = new WebAssembly.Instance(module, {}).exports;
    this.used = 0;
  }

  WasmProducts.prototype.reserve = function (bytes) {
    var memory = this.exports.memory;
    var missing = bytes - memory.buffer.byteLength;
    if (missing > 0) {
      memory.grow(Math.ceil(missing / PAGE));
    }
  };

  /*
   * The two precisions of kernels.wasm's products: gemm in float32 (eight outputs a 32-byte group, the dense layers)
   * and gemm64 in double (four a group, the qkv projections). Both lay out weights and rows alike, in elements of
   * their own size.
   */
  var FLOAT32 = { View: Float32Array, bytes: 4, kernel: 'gemm' };
  var FLOAT64 = { View: Float64Array, bytes: 8, kernel: 'gemm64' };

  /*
   * A weight in kernel order, 32 bytes of outputs by 32 bytes: group g, input k holds W[per*g][k] .. W[per*g+per-1][k],
   * per = 32 / element size.
   */
  WasmProducts.prototype.layOut = function (precision, w, outDim, inDim) {
    var per = 32 / precision.bytes;
    var groups = Math.ceil(outDim / per);
    var at = this.used;
    this.used = at + groups * inDim * 32;
    this.reserve(this.used);
    var f = new precision.View(this.exports.memory.buffer);
    var base = at / precision.bytes;
    for (var j = 0; j < outDim; j++) {
      var gb = base + Math.floor(j / per) * inDim * per + j % per;
      var wj = j * inDim;
      for (var k = 0; k < inDim; k++) {
        f[gb + k * per] = w[wj + k];
      }
    }
    return { precision: precision, at: at, groups: groups, inDim: inDim, outDim: outDim };
  };

  WasmProducts.prototype.weight = function (w, outDim, inDim) {
    return this.layOut(FLOAT32, w, outDim, inDim);
  };

  /* The weights for multiplyDouble, as doubles. */
  WasmProducts.prototype.doubleWeight = function (w, outDim, inDim) {
    return this.layOut(FLOAT64, w, outDim, inDim);
  };

  /* y = x W^T for n rows, in the weight's own precision (rows of x and y are float or double arrays to match). */
  WasmProducts.prototype.multiply = function (weight, x, n, y) {
    var precision = weight.precision;
    var bytes = precision.bytes;
    var inDim = weight.inDim;
    var outDim = weight.outDim;
    var blocks = Math.ceil(n / 4);
    var xAt = this.used;
    var yAt = xAt + blocks * inDim * 4 * bytes;
    this.reserve(yAt + blocks * 4 * weight.groups * 32);
    var f = new precision.View(this.exports.memory.buffer);
    // rows four by four, input k of the block's four rows side by side; the rows past n are zero
    var xb = xAt / bytes;
    for (var r = 0; r < blocks * 4; r++) {
      var at = xb + (r >> 2) * inDim * 4 + (r & 3);
      if (r < n) {
        var xr = r * inDim;
        for (var k = 0; k < inDim; k++) {
          f[at + k * 4] = x[xr + k];
        }
      } else {
        for (k = 0; k < inDim; k++) {
          f[at + k * 4] = 0;
        }
      }
    }
    var stride = weight.groups * (32 / bytes);
    /*
     * A slice of the outputs a call: the browser first runs the module from a quick baseline compilation and swaps
     * in its optimised code between calls, so a large product split in calls runs mostly optimised even the first time.
     */
    var kernel = this.exports[precision.kernel];
    for (var g = 0; g < weight.groups; g += SLICE_GROUPS) {
      kernel(xAt, blocks, weight.at + g * inDim * 32, inDim, Math.min(SLICE_GROUPS, weight.groups - g), yAt + g * 32, stride);
    }
    var yb = yAt / bytes;
    if (stride === outDim) {
      y.set(f.subarray(yb, yb + n * outDim));
    } else {
      for (r = 0; r < n; r++) {
        y.set(f.subarray(yb + r * stride, yb + r * stride + outDim), r * outDim);
      }
    }
  };

  /* kernels.wasm's gemm64: the product in double, as linearDouble sums it, for double rows x and y. */
  WasmProducts.prototype.multiplyDouble = WasmProducts.prototype.multiply;

  /*
   * kernels.wasm compiled, from the base64 of kernels.js; null where this browser has no WebAssembly (or no SIMD, or
   * a policy that forbids compiling it), and the page then computes the same bits with ScriptProducts.
   */
  function compileKernels(base64) {
    if (typeof WebAssembly !== 'object' || typeof base64 !== 'string') {
      return null;
    }
    try {
      return new WebAssembly.Module(decodeBase64(base64));
    } catch (e) {
      return null;
    }
  }

  /*
   * y = x W^T in double, for the qkv projections of ln1 * emb (exact products, not floats), which the Java engine
   * (model/QkvTable) sums in double: every output one double sum over k = 0..in-1 in order, rounded only where the
   * caller stores it. Blocks of four rows by four outputs: sixteen sums in registers, each weight read serves four
   * rows and each input read four outputs (scalar JavaScript is bound by loads here, not arithmetic).
   */
  function linearDouble(x, n, w, inDim, outDim, y) {
    var j = 0;
    for (; j + 4 <= outDim; j += 4) {
      var w0 = j * inDim, w1 = w0 + inDim, w2 = w1 + inDim, w3 = w2 + inDim;
      var r = 0;
      for (; r + 4 <= n; r += 4) {
        var xa = r * inDim, xb = xa + inDim, xc = xb + inDim, xd = xc + inDim;
        var a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        var c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        for (var k = 0; k < inDim; k++) {
          var pa = x[xa + k], pb = x[xb + k], pc = x[xc + k], pd = x[xd + k];
          var e = w[w0 + k];
          a0 += pa * e; b0 += pb * e; c0 += pc * e; d0 += pd * e;
          e = w[w1 + k];
          a1 += pa * e; b1 += pb * e; c1 += pc * e; d1 += pd * e;
          e = w[w2 + k];
          a2 += pa * e; b2 += pb * e; c2 += pc * e; d2 += pd * e;
          e = w[w3 + k];
          a3 += pa * e; b3 += pb * e; c3 += pc * e; d3 += pd * e;
        }
        var ya = r * outDim + j, yb = ya + outDim, yc = yb + outDim, yd = yc + outDim;
        y[ya] = a0; y[ya + 1] = a1; y[ya + 2] = a2; y[ya + 3] = a3;
        y[yb] = b0; y[yb + 1] = b1; y[yb + 2] = b2; y[yb + 3] = b3;
        y[yc] = c0; y[yc + 1] = c1; y[yc + 2] = c2; y[yc + 3] = c3;
        y[yd] = d0; y[yd + 1] = d1; y[yd + 2] = d2; y[yd + 3] = d3;
      }
      for (; r < n; r++) {
        var xr = r * inDim;
        var s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (k = 0; k < inDim; k++) {
          var v = x[xr + k];
          s0 += v * w[w0 + k]; s1 += v * w[w1 + k]; s2 += v * w[w2 + k]; s3 += v * w[w3 + k];
        }
        var yr = r * outDim + j;
        y[yr] = s0; y[yr + 1] = s1; y[yr + 2] = s2; y[yr + 3] = s3;
      }
    }
    for (; j < outDim; j++) {
      var wj = j * inDim;
      for (r = 0; r < n; r++) {
        var acc = 0;
        for (k = 0; k < inDim; k++) {
          acc += x[r * inDim + k] * w[wj + k];
        }
        y[r * outDim + j] = acc;
      }
    }
  }

  /*
   * The model, from model.bin's bytes and the manifest ({config, tensors}: the bundle's manifest.json, or the
   * weights script's copy of it, which gives the MLP width as "hidden"). Like the Java engine it precomputes the query, key and
   * value projections of every position (RMSNorm is a per-row scale, so qkv(norm(tok + pos)) =
   * scale * (W(g*tok) + W(g*pos))), and those of each word on first use. kernels is compileKernels' module, which
   * computes the dense products, or null for the plain-JavaScript loop (the same bits, slower).
   */
  function Model(bytes, manifest, itos, kernels) {
    var cfg = config(manifest);
    this.cfg = cfg;
    this.tokenizer = new Tokenizer(itos);
    this.sha256 = manifest.model_sha256 || manifest.sha256;
    var floats = floatsOf(bytes);
    var t = {};
    Object.keys(manifest.tensors).forEach(function (name) {
      var spec = manifest.tensors[name];
      t[name] = floats.subarray(spec.offset, spec.offset + spec.length);
    });
    this.tokEmb = t['tok_emb.weight'];
    this.posEmb = t['pos_emb.weight'];
    this.ln1 = t['block.ln1.weight'];
    this.qkvW = t['block.attn.qkv.weight'];
    this.projW = t['block.attn.proj.weight'];
    this.ln2 = t['block.ln2.weight'];
    this.fcW = t['block.mlp.fc.weight'];
    this.mlpProjW = t['block.mlp.proj.weight'];
    this.lnF = t['ln_f.weight'];
    var c = cfg.width;
    var products = kernels ? new WasmProducts(kernels) : new ScriptProducts();
    this.products = products;
    this.qkv = products.doubleWeight(this.qkvW, 3 * c, c);
    this.proj = products.weight(this.projW, c, c);
    this.fc = products.weight(this.fcW, cfg.hidden, c);
    this.mlpProj = products.weight(this.mlpProjW, c, cfg.hidden);
    this.unembed = products.weight(this.tokEmb, cfg.vocab, c);
    this.posProj = new Float64Array(cfg.block * 3 * c);
    var positions = new Int32Array(cfg.block);
    for (var r = 0; r < cfg.block; r++) {
      positions[r] = r;
    }
    this.project(this.posEmb, positions, this.posProj);
    this.tokProj = new Array(cfg.vocab);
    this.scoreScale = 1 / Math.sqrt(cfg.headWidth);
  }

  /*
   * W_qkv (ln1 * emb row), unscaled, as doubles, for the given rows of emb at once (one product of a batch): row i
   * of out holds q in 0..c-1, k in c..2c-1, v in 2c..3c-1. ln1 * emb is a product of two floats, exact as a double.
   */
  Model.prototype.project = function (emb, rows, out) {
    var c = this.cfg.width;
    var ln1 = this.ln1;
    var g = new Float64Array(rows.length * c);
    for (var r = 0; r < rows.length; r++) {
      var eb = rows[r] * c;
      var gb = r * c;
      for (var i = 0; i < c; i++) {
        g[gb + i] = ln1[i] * emb[eb + i];
      }
    }
    this.products.multiplyDouble(this.qkv, g, rows.length, out);
  };

  /* Projects, in one batch, the words of ids whose projection is not yet made (see token). */
  Model.prototype.prepare = function (ids) {
    var fresh = [];
    var seen = new Set();
    for (var i = 0; i < ids.length; i++) {
      if (!this.tokProj[ids[i]] && !seen.has(ids[i])) {
        seen.add(ids[i]);
        fresh.push(ids[i]);
      }
    }
    if (fresh.length === 0) {
      return;
    }
    var w = 3 * this.cfg.width;
    var out = new Float64Array(fresh.length * w);
    this.project(this.tokEmb, fresh, out);
    for (i = 0; i < fresh.length; i++) {
      this.tokProj[fresh[i]] = out.subarray(i * w, (i + 1) * w);
    }
  };

  /* The projection of word id (made on first use; a text's words are made at once by prepare). */
  Model.prototype.token = function (id) {
    if (!this.tokProj[id]) {
      this.prepare([id]);
    }
    return this.tokProj[id];
  };

  Model.prototype.contextStart = function (focus) {
    return Math.max(0, focus - this.cfg.block + 1);
  };

  /* One window's rows: keys for every row, values made on first use (a query reads only its top-k rows). */
  function Window(model, capacity) {
    var c = model.cfg.width;
    this.model = model;
    this.capacity = capacity;
    this.k = new Float32Array(capacity * c);
    this.v = new Float32Array(capacity * c);
    this.hasValue = new Uint8Array(capacity);
    this.scale = new Float64Array(capacity);
    this.row = new Float32Array(c);
    this.query = new Float64Array(c);
    this.scores = new Float64Array(capacity);
    this.topIdx = new Int32Array(model.cfg.topk);
    this.topVal = new Float64Array(model.cfg.topk);
  }

  Window.prototype.fill = function (ids, start) {
    var m = this.model;
    var c = m.cfg.width;
    var length = Math.min(this.capacity, ids.length - start);
    this.ids = ids;
    this.start = start;
    this.hasValue.fill(0);
    var row = this.row;
    for (var r = 0; r < length; r++) {
      var id = ids[start + r];
      m.input(id, r, row, 0);
      var s = rmsScale(row, 0, c);
      this.scale[r] = s;
      var tp = m.token(id);
      var pp = m.posProj;
      var pb = r * 3 * c + c;
      var kb = r * c;
      for (var i = 0; i < c; i++) {
        this.k[kb + i] = s * (tp[c + i] + pp[pb + i]);
      }
    }
  };

  Window.prototype.value = function (r) {
    var c = this.model.cfg.width;
    if (!this.hasValue[r]) {
      var tp = this.model.token(this.ids[this.start + r]);
      var pp = this.model.posProj;
      var pb = r * 3 * c + 2 * c;
      var s = this.scale[r];
      var vb = r * c;
      for (var i = 0; i < c; i++) {
        this.v[vb + i] = s * (tp[2 * c + i] + pp[pb + i]);
      }
      this.hasValue[r] = 1;
    }
    return r * c;
  };

  /*
   * Row local attends to rows 0..local: per head the top-k scores (ties: the earlier row), softmax over those
   * alone, the weighted values added into mixed. Returns the links, largest weight first.
   */
  Window.prototype.attend = function (local, mixed, mixedAt) {
    var m = this.model;
    var cfg = m.cfg;
    var c = cfg.width;
    var d = cfg.headWidth;
    var tp = m.token(this.ids[this.start + local]);
    var pp = m.posProj;
    var pb = local * 3 * c;
    var q = this.query;
    var s = this.scale[local];
    for (var i = 0; i < c; i++) {
      q[i] = Math.fround(s * (tp[i] + pp[pb + i]));
    }
    var keep = Math.min(cfg.topk, local + 1);
    var heads = [];
    var scores = this.scores;
    var topIdx = this.topIdx;
    var topVal = this.topVal;
    var keys = this.k;
    var values = this.v;
    for (var h = 0; h < cfg.heads; h++) {
      var hb = h * d;
      /* Four keys at a time: four independent sums, each still added in order, so the same bits, not one sum's latency. */
      var t = 0;
      for (; t + 4 <= local + 1; t += 4) {
        var k0 = t * c + hb, k1 = k0 + c, k2 = k1 + c, k3 = k2 + c;
        var s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (i = 0; i < d; i++) {
          var qi = q[hb + i];
          s0 += qi * keys[k0 + i];
          s1 += qi * keys[k1 + i];
          s2 += qi * keys[k2 + i];
          s3 += qi * keys[k3 + i];
        }
        scores[t] = s0 * m.scoreScale;
        scores[t + 1] = s1 * m.scoreScale;
        scores[t + 2] = s2 * m.scoreScale;
        scores[t + 3] = s3 * m.scoreScale;
      }
      for (; t <= local; t++) {
        var kb = t * c + hb;
        var acc = 0;
        for (i = 0; i < d; i++) {
          acc += q[hb + i] * keys[kb + i];
        }
        scores[t] = acc * m.scoreScale;
      }
      var kept = selectTop(scores, local + 1, keep, topIdx, topVal);
      var max = topVal[0];
      var denom = 0;
      for (i = 0; i < kept; i++) {
        topVal[i] = expNonPositive(topVal[i] - max);
        denom += topVal[i];
      }
      var links = [];
      for (i = 0; i < kept; i++) {
        var src = topIdx[i];
        var p = topVal[i] / denom;
        links.push({ source: this.start + src, weight: Math.fround(p) });
        var vb = this.value(src) + hb;
        var mb = mixedAt + hb;
        for (var j = 0; j < d; j++) {
          mixed[mb + j] = mixed[mb + j] + p * values[vb + j];
        }
      }
      heads.push(links);
    }
    return heads;
  };

  /* The k largest of n scores, largest first; of equal scores the earlier position wins (model/TopK). */
  function selectTop(scores, n, k, idx, val) {
    var size = 0;
    for (var t = 0; t < n; t++) {
      var s = scores[t];
      var pos = size;
      while (pos > 0 && s > val[pos - 1]) {
        pos--;
      }
      if (pos >= k) {
        continue;
      }
      var last = Math.min(size, k - 1);
      for (var i = last; i > pos; i--) {
        idx[i] = idx[i - 1];
        val[i] = val[i - 1];
      }
      idx[pos] = t;
      val[pos] = s;
      if (size < k) {
        size++;
      }
    }
    return size;
  }

  /* The residual stream entering the block for word id at window position r: tok + pos, float32. */
  Model.prototype.input = function (id, r, out, at) {
    var c = this.cfg.width;
    var tb = id * c;
    var pb = r * c;
    for (var i = 0; i < c; i++) {
      out[at + i] = this.tokEmb[tb + i] + this.posEmb[pb + i];
    }
  };

  /*
   * The attention half of every point of a text: the block's input rows x, the heads' mixed values, and each
   * point's links. Points below the context length share one window's keys and values; each later point slides
   * its own window. Cheap next to what follows it (the MLP and 4,096 logits a point).
   */
  Model.prototype.attention = function (ids) {
    var cfg = this.cfg;
    var n = ids.length;
    for (var i = 0; i < n; i++) {
      if (!(ids[i] >= 0 && ids[i] < cfg.vocab)) {
        throw new Error('token id ' + ids[i] + ' is outside the vocabulary of ' + cfg.vocab);
      }
    }
    this.prepare(ids);
    var c = cfg.width;
    var x = new Float32Array(n * c);
    var mixed = new Float32Array(n * c);
    var heads = new Array(n);
    var shared = null;
    var sliding = null;
    for (i = 0; i < n; i++) {
      var start = this.contextStart(i);
      var w;
      if (start === 0) {
        if (!shared) {
          shared = new Window(this, Math.min(n, cfg.block));
          shared.fill(ids, 0);
        }
        w = shared;
      } else {
        if (!sliding) {
          sliding = new Window(this, cfg.block);
        }
        sliding.fill(ids, start);
        w = sliding;
      }
      var local = i - start;
      this.input(ids[i], local, x, i * c);
      heads[i] = w.attend(local, mixed, i * c);
    }
    return { x: x, mixed: mixed, heads: heads };
  };

  /* Every prediction point of a text: {focus, contextStart, heads, logits} per position. */
  Model.prototype.points = function (ids) {
    var cfg = this.cfg;
    var n = ids.length;
    var a = this.attention(ids);
    var heads = a.heads;
    var logits = this.afterAttention(a.x, a.mixed, n);
    var out = new Array(n);
    for (i = 0; i < n; i++) {
      out[i] = { focus: i, contextStart: this.contextStart(i), heads: heads[i], logits: logits.subarray(i * cfg.vocab, (i + 1) * cfg.vocab) };
    }
    return out;
  };

  /*
   * Attention output projection, both residual adds, the MLP, the final norm and the tied logits, for n rows; the
   * logits go into out (n rows of the vocabulary) when given, so a text's rows land in place, uncopied.
   */
  Model.prototype.afterAttention = function (x, mixed, n, out) {
    var cfg = this.cfg;
    var c = cfg.width;
    var hid = cfg.hidden;
    var attnOut = new Float32Array(n * c);
    this.products.multiply(this.proj, mixed, n, attnOut);
    var resid = new Float32Array(n * c);
    for (var i = 0; i < resid.length; i++) {
      resid[i] = x[i] + attnOut[i];
    }
    var normed = new Float32Array(n * c);
    for (var r = 0; r < n; r++) {
      rmsApply(resid, r * c, this.ln2, normed, r * c);
    }
    var hidden = new Float32Array(n * hid);
    this.products.multiply(this.fc, normed, n, hidden);
    for (i = 0; i < hidden.length; i++) {
      hidden[i] = gelu(hidden[i]);
    }
    var mlpOut = new Float32Array(n * c);
    this.products.multiply(this.mlpProj, hidden, n, mlpOut);
    for (i = 0; i < resid.length; i++) {
      resid[i] = resid[i] + mlpOut[i];
    }
    var fin = new Float32Array(n * c);
    for (r = 0; r < n; r++) {
      rmsApply(resid, r * c, this.lnF, fin, r * c);
    }
    var logits = out || new Float32Array(n * cfg.vocab);
    this.products.multiply(this.unembed, fin, n, logits);
    return logits;
  };

  /* ---- the next-token distribution, as trace/NextTokenDistribution.java ---- */

  /*
   * At temperature 1 over the vocabulary less <pad>, <bos>, <unk>, renormalised without them. exp is increasing,
   * so the top-n is chosen on the logits (ties to the lower id) and only the normaliser needs every exponential.
   */
  function Distribution(logits, tokenizer) {
    this.logits = logits;
    this.tokenizer = tokenizer;
    var excluded = tokenizer.excluded;
    var n = logits.length;
    var m = -Infinity;
    for (var i = 0; i < n; i++) {
      if (excluded[i] === 0 && logits[i] > m) {
        m = logits[i];
      }
    }
    var d = 0;
    for (i = 0; i < n; i++) {
      if (excluded[i] === 0) {
        d += expNonPositive(logits[i] - m);
      }
    }
    this.max = m;
    this.denom = d;
  }

  Distribution.prototype.prob = function (id) {
    if (this.tokenizer.isExcluded(id)) {
      return 0;
    }
    return expNonPositive(this.logits[id] - this.max) / this.denom;
  };

  /* The ids of the n highest logits, highest first. */
  function topIds(logits, n, tokenizer) {
    var excluded = tokenizer.excluded;
    var best = new Int32Array(n);
    var size = 0;
    /* The n-th best so far: most logits are below it and cost one comparison. */
    var floor = -Infinity;
    for (var i = 0; i < logits.length; i++) {
      var l = logits[i];
      if ((!(l > floor) && size === n) || excluded[i] === 1) {
        continue;
      }
      var pos = size;
      while (pos > 0 && l > logits[best[pos - 1]]) {
        pos--;
      }
      if (pos >= n) {
        continue;
      }
      var last = Math.min(size, n - 1);
      for (var j = last; j > pos; j--) {
        best[j] = best[j - 1];
      }
      best[pos] = i;
      if (size < n) {
        size++;
      }
      if (size === n) {
        floor = logits[best[n - 1]];
      }
    }
    return Array.prototype.slice.call(best, 0, size);
  }

  Distribution.prototype.top = function (n) {
    var self = this;
    return topIds(this.logits, n, this.tokenizer).map(function (id) {
      return { id: id, token: self.tokenizer.word(id), prob: self.prob(id) };
    });
  };

  /*
   * The actual next token's 1-based rank (in the order of top) and probability; rank null for an excluded one. top,
   * when given, is this distribution's top(n): a token in it has its place there as its rank (the list is the first n
   * of the same order, logit descending then id ascending), so only a token outside it needs the count over the
   * vocabulary.
   */
  Distribution.prototype.judge = function (id, top) {
    var tok = this.tokenizer;
    if (tok.isExcluded(id)) {
      return { id: id, rank: null, prob: 0 };
    }
    for (var k = 0; top && k < top.length; k++) {
      if (top[k].id === id) {
        return { id: id, rank: k + 1, prob: top[k].prob };
      }
    }
    var excluded = tok.excluded;
    var logits = this.logits;
    var l = logits[id];
    var rank = 1;
    for (var i = 0; i < logits.length; i++) {
      if (excluded[i] === 0 && (logits[i] > l || (logits[i] === l && i < id))) {
        rank++;
      }
    }
    return { id: id, rank: rank, prob: this.prob(id) };
  };

  /*
   * The top n at a temperature, for the reader's controls (not part of the build's data): the same exclusions, the
   * same order (dividing by a positive temperature keeps it), probabilities of exp((l - max) / temperature).
   */
  function atTemperature(logits, tokenizer, n, temperature) {
    var m = -Infinity;
    for (var i = 0; i < logits.length; i++) {
      if (!tokenizer.isExcluded(i) && logits[i] > m) {
        m = logits[i];
      }
    }
    var d = 0;
    for (i = 0; i < logits.length; i++) {
      if (!tokenizer.isExcluded(i)) {
        d += exp((logits[i] - m) / temperature);
      }
    }
    return topIds(logits, n, tokenizer).map(function (id) {
      return { id: id, token: tokenizer.word(id), prob: exp((logits[id] - m) / temperature) / d };
    });
  }

  /*
   * One text being computed: FORMATS.md section 3's object (one element of "prompts", without explain), whose
   * points fill in as their rows are computed. The attention of every point is computed at once; the rest (MLP and
   * logits) a range of rows at a time, so a page can show the point the reader looks at first and compute the
   * others after. Each row's numbers are the same whichever range computes it: every row is summed on its own.
   */
  function Job(model, name, text, topn) {
    var tok = model.tokenizer;
    this.model = model;
    this.topn = topn;
    this.encoding = tok.encode(text);
    var ids = this.encoding.tokens.map(function (t) { return t.id; });
    this.ids = ids;
    this.n = ids.length;
    this.att = model.attention(ids);
    this.logits = new Float32Array(this.n * model.cfg.vocab);
    this.remaining = this.n;
    this.next = 0;
    this.object = { name: name, text: text, ids: ids, tokens: ids.map(function (id) { return tok.word(id); }), points: new Array(this.n) };
  }

  /* Computes rows from..to-1 (all not yet computed). */
  Job.prototype.compute = function (from, to) {
    var m = this.model;
    var c = m.cfg.width;
    var v = m.cfg.vocab;
    var tok = m.tokenizer;
    m.afterAttention(this.att.x.subarray(from * c, to * c), this.att.mixed.subarray(from * c, to * c), to - from,
      this.logits.subarray(from * v, to * v));
    for (var i = from; i < to; i++) {
      var dist = new Distribution(this.logitsOf(i), tok);
      var predictions = dist.top(this.topn);
      this.object.points[i] = {
        focus: i,
        token: tok.word(this.ids[i]),
        context_start: m.contextStart(i),
        heads: this.att.heads[i],
        predictions: predictions,
        next: i + 1 < this.n ? dist.judge(this.ids[i + 1], predictions) : null
      };
    }
    this.remaining -= to - from;
  };

  /* Point i, computed now if it is not yet. */
  Job.prototype.point = function (i) {
    if (!this.object.points[i]) {
      this.compute(i, i + 1);
    }
    return this.object.points[i];
  };

  Job.prototype.logitsOf = function (i) {
    var v = this.model.cfg.vocab;
    return this.logits.subarray(i * v, (i + 1) * v);
  };

  /* Computes up to count more rows (the first not yet computed, in order); true when every point is done. */
  Job.prototype.advance = function (count) {
    var pts = this.object.points;
    while (this.next < this.n && pts[this.next]) {
      this.next++;
    }
    var end = this.next;
    while (end < this.n && end - this.next < count && !pts[end]) {
      end++;
    }
    if (end > this.next) {
      this.compute(this.next, end);
    }
    return this.finished();
  };

  Job.prototype.finished = function () {
    return this.remaining === 0;
  };

  /* A text to compute point by point (see Job). */
  Model.prototype.start = function (name, text, topn) {
    return new Job(this, name, text, topn);
  };

  /* A text computed whole: the Job with every point done. */
  Model.prototype.trace = function (name, text, topn) {
    var job = new Job(this, name, text, topn);
    if (job.n > 0) {
      job.compute(0, job.n);
    }
    return job;
  };

  /* ---- the weights' bytes: base64 and SHA-256 (FIPS 180-4), so the check needs no browser API ---- */

  function decodeBase64(text) {
    var table = new Int16Array(128).fill(-1);
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (var i = 0; i < alphabet.length; i++) {
      table[alphabet.charCodeAt(i)] = i;
    }
    var len = text.length;
    while (len > 0 && text.charAt(len - 1) === '=') {
      len--;
    }
    var out = new Uint8Array(Math.floor(len * 3 / 4));
    var o = 0;
    var acc = 0;
    var bits = 0;
    for (i = 0; i < len; i++) {
      var ch = text.charCodeAt(i);
      var v = ch < 128 ? table[ch] : -1;
      if (v < 0) {
        throw new Error('the weights script is not base64 at character ' + i);
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (acc >>> bits) & 0xff;
      }
    }
    return out;
  }

  var K256 = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

  function sha256Hex(bytes) {
    var h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    var w = new Int32Array(64);
    var n = bytes.length;
    var blocks = Math.floor((n + 9 + 63) / 64);
    var tail = new Uint8Array(128);
    var tailStart = Math.floor(n / 64) * 64;
    tail.set(bytes.subarray(tailStart));
    tail[n - tailStart] = 0x80;
    var tailLen = (blocks * 64) - tailStart;
    var bitsHi = Math.floor(n / 0x20000000);
    var bitsLo = (n * 8) >>> 0;
    tail[tailLen - 8] = bitsHi >>> 24; tail[tailLen - 7] = bitsHi >>> 16; tail[tailLen - 6] = bitsHi >>> 8; tail[tailLen - 5] = bitsHi;
    tail[tailLen - 4] = bitsLo >>> 24; tail[tailLen - 3] = bitsLo >>> 16; tail[tailLen - 2] = bitsLo >>> 8; tail[tailLen - 1] = bitsLo;
    for (var b = 0; b < blocks; b++) {
      var src = b * 64 < tailStart ? bytes : tail;
      var at = b * 64 < tailStart ? b * 64 : b * 64 - tailStart;
      for (var i = 0; i < 16; i++) {
        var j = at + i * 4;
        w[i] = (src[j] << 24) | (src[j + 1] << 16) | (src[j + 2] << 8) | src[j + 3];
      }
      for (i = 16; i < 64; i++) {
        var x = w[i - 15];
        var y = w[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (hh + S1 + ch + K256[i] + w[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & bb) ^ (a & c) ^ (bb & c);
        var t2 = (S0 + maj) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
      }
      h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    var hex = '';
    for (i = 0; i < 8; i++) {
      hex += ('00000000' + (h[i] >>> 0).toString(16)).slice(-8);
    }
    return hex;
  }

  root.AttoscopeEngine = {
    exp: exp,
    compileKernels: compileKernels,
    WasmProducts: WasmProducts,
    ScriptProducts: ScriptProducts,
    expNonPositive: expNonPositive,
    erf: erf,
    gelu: gelu,
    editDistance: editDistance,
    Tokenizer: Tokenizer,
    Model: Model,
    Distribution: Distribution,
    atTemperature: atTemperature,
    decodeBase64: decodeBase64,
    sha256Hex: sha256Hex
  };
}(typeof window !== 'undefined' ? window : globalThis));
