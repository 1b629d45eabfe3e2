;; attoscope playground: the dense products of the forward pass in WebAssembly SIMD, the source of kernels.wasm
;; (and of kernels.js, which carries the same bytes as base64 so a page opened from file:// can load them).
;;
;; y = x W^T, float32, with the bits of the build's Java engine (model/Gemm): every output is the plain float dot
;; product (((0 + x0 w0) + x1 w1) + x2 w2) + ..., one rounded f32.mul and one rounded f32.add per term, in input
;; order. The four lanes of a vector are four different OUTPUTS, never four terms of one sum, so a lane does exactly
;; the scalar sequence; no fused multiply-add and no relaxed SIMD, whose results may differ by machine.
;;
;; Rebuild after an edit: node generator/src/test/js/kernels.mjs --write (KernelsTest checks the committed files).
(module
  ;; engine.js grows it to hold the packed weights and a batch's rows.
  (memory (export "memory") 1)

  ;; gemm: y = x W^T for blocks of four rows by eight outputs.
  ;;   $x      rows packed four by four: block b, input k holds x[4b][k], x[4b+1][k], x[4b+2][k], x[4b+3][k]
  ;;   $blocks row blocks (rows / 4, the last block padded with zero rows)
  ;;   $w      weights packed eight outputs by eight: group g, input k holds W[8g][k] .. W[8g+7][k]
  ;;   $in     inputs per row
  ;;   $groups output groups (outputs / 8, padded with zero weights)
  ;;   $y      where row 0's first output goes; row r's is $stride floats further
;;   $stride  floats from one row of y to the next (at least groups * 8: a call may fill a slice of wider rows)
  ;; A group's weights (in * 32 bytes) stay in the first-level cache while every row block passes over them; each
  ;; weight vector serves four rows and each input four outputs: 16 accumulators' worth in 8 vector registers.
  (func (export "gemm")
    (param $x i32) (param $blocks i32) (param $w i32) (param $in i32) (param $groups i32) (param $y i32) (param $stride i32)
    (local $g i32) (local $b i32) (local $wg i32) (local $wp i32) (local $xp i32) (local $xend i32)
    (local $yp i32) (local $ystride i32) (local $xblock i32) (local $wgroup i32)
    (local $s v128) (local $w0 v128) (local $w1 v128)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local.set $ystride (i32.mul (local.get $stride) (i32.const 4)))
    (local.set $xblock (i32.mul (local.get $in) (i32.const 16)))
    (local.set $wgroup (i32.mul (local.get $in) (i32.const 32)))
    (if (i32.or (i32.eqz (local.get $in)) (i32.or (i32.eqz (local.get $blocks)) (i32.eqz (local.get $groups))))
      (then (return)))
    (local.set $g (i32.const 0))
    (loop $group
      (local.set $wg (i32.add (local.get $w) (i32.mul (local.get $g) (local.get $wgroup))))
      (local.set $b (i32.const 0))
      (loop $block
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $a1 (v128.const i64x2 0 0))
        (local.set $b0 (v128.const i64x2 0 0))
        (local.set $b1 (v128.const i64x2 0 0))
        (local.set $c0 (v128.const i64x2 0 0))
        (local.set $c1 (v128.const i64x2 0 0))
        (local.set $d0 (v128.const i64x2 0 0))
        (local.set $d1 (v128.const i64x2 0 0))
        (local.set $wp (local.get $wg))
        (local.set $xp (i32.add (local.get $x) (i32.mul (local.get $b) (local.get $xblock))))
        (local.set $xend (i32.add (local.get $xp) (local.get $xblock)))
        (loop $k
          (local.set $w0 (v128.load (local.get $wp)))
          (local.set $w1 (v128.load offset=16 (local.get $wp)))
          (local.set $s (v128.load32_splat (local.get $xp)))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $w0))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $w1))))
          (local.set $s (v128.load32_splat offset=4 (local.get $xp)))
          (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $s) (local.get $w0))))
          (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $s) (local.get $w1))))
          (local.set $s (v128.load32_splat offset=8 (local.get $xp)))
          (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $s) (local.get $w0))))
          (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $s) (local.get $w1))))
          (local.set $s (v128.load32_splat offset=12 (local.get $xp)))
          (local.set $d0 (f32x4.add (local.get $d0) (f32x4.mul (local.get $s) (local.get $w0))))
          (local.set $d1 (f32x4.add (local.get $d1) (f32x4.mul (local.get $s) (local.get $w1))))
          (local.set $wp (i32.add (local.get $wp) (i32.const 32)))
          (local.set $xp (i32.add (local.get $xp) (i32.const 16)))
          (br_if $k (i32.lt_u (local.get $xp) (local.get $xend))))
        ;; rows 4b .. 4b+3, outputs 8g .. 8g+7
        (local.set $yp (i32.add (local.get $y)
          (i32.add (i32.mul (i32.mul (local.get $b) (i32.const 4)) (local.get $ystride))
                   (i32.mul (local.get $g) (i32.const 32)))))
        (v128.store (local.get $yp) (local.get $a0))
        (v128.store offset=16 (local.get $yp) (local.get $a1))
        (local.set $yp (i32.add (local.get $yp) (local.get $ystride)))
        (v128.store (local.get $yp) (local.get $b0))
        (v128.store offset=16 (local.get $yp) (local.get $b1))
        (local.set $yp (i32.add (local.get $yp) (local.get $ystride)))
        (v128.store (local.get $yp) (local.get $c0))
        (v128.store offset=16 (local.get $yp) (local.get $c1))
        (local.set $yp (i32.add (local.get $yp) (local.get $ystride)))
        (v128.store (local.get $yp) (local.get $d0))
        (v128.store offset=16 (local.get $yp) (local.get $d1))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br_if $block (i32.lt_u (local.get $b) (local.get $blocks))))
      (local.set $g (i32.add (local.get $g) (i32.const 1)))
      (br_if $group (i32.lt_u (local.get $g) (local.get $groups)))))
  ;; gemm64: the same product in double (the qkv projections, which the Java engine sums in double, model/QkvTable):
  ;; every output one double sum (((0 + x0 w0) + x1 w1) + ...) in input order, f64.mul then f64.add; two outputs a
  ;; vector, blocks of four rows by four outputs.
  ;;   $x      rows packed four by four as doubles: block b, input k holds x[4b][k] .. x[4b+3][k]
  ;;   $w      weights packed four outputs by four as doubles: group g, input k holds W[4g][k] .. W[4g+3][k]
  ;;   $groups output groups (outputs / 4, padded with zero weights); $y, $stride as gemm's, in doubles
  (func (export "gemm64")
    (param $x i32) (param $blocks i32) (param $w i32) (param $in i32) (param $groups i32) (param $y i32) (param $stride i32)
    (local $g i32) (local $b i32) (local $wg i32) (local $wp i32) (local $xp i32) (local $xend i32)
    (local $yp i32) (local $ystride i32) (local $xblock i32) (local $wgroup i32)
    (local $s v128) (local $w0 v128) (local $w1 v128)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local.set $ystride (i32.mul (local.get $stride) (i32.const 8)))
    (local.set $xblock (i32.mul (local.get $in) (i32.const 32)))
    (local.set $wgroup (i32.mul (local.get $in) (i32.const 32)))
    (if (i32.or (i32.eqz (local.get $in)) (i32.or (i32.eqz (local.get $blocks)) (i32.eqz (local.get $groups))))
      (then (return)))
    (local.set $g (i32.const 0))
    (loop $group
      (local.set $wg (i32.add (local.get $w) (i32.mul (local.get $g) (local.get $wgroup))))
      (local.set $b (i32.const 0))
      (loop $block
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $a1 (v128.const i64x2 0 0))
        (local.set $b0 (v128.const i64x2 0 0))
        (local.set $b1 (v128.const i64x2 0 0))
        (local.set $c0 (v128.const i64x2 0 0))
        (local.set $c1 (v128.const i64x2 0 0))
        (local.set $d0 (v128.const i64x2 0 0))
        (local.set $d1 (v128.const i64x2 0 0))
        (local.set $wp (local.get $wg))
        (local.set $xp (i32.add (local.get $x) (i32.mul (local.get $b) (local.get $xblock))))
        (local.set $xend (i32.add (local.get $xp) (local.get $xblock)))
        (loop $k
          (local.set $w0 (v128.load (local.get $wp)))
          (local.set $w1 (v128.load offset=16 (local.get $wp)))
          (local.set $s (v128.load64_splat (local.get $xp)))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $s) (local.get $w0))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $s) (local.get $w1))))
          (local.set $s (v128.load64_splat offset=8 (local.get $xp)))
          (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $s) (local.get $w0))))
          (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $s) (local.get $w1))))
          (local.set $s (v128.load64_splat offset=16 (local.get $xp)))
          (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (local.get $w0))))
          (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (local.get $w1))))
          (local.set $s (v128.load64_splat offset=24 (local.get $xp)))
          (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $s) (local.get $w0))))
          (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $s) (local.get $w1))))
          (local.set $wp (i32.add (local.get $wp) (i32.const 32)))
          (local.set $xp (i32.add (local.get $xp) (i32.const 32)))
          (br_if $k (i32.lt_u (local.get $xp) (local.get $xend))))
        (local.set $yp (i32.add (local.get $y)
          (i32.add (i32.mul (i32.mul (local.get $b) (i32.const 4)) (local.get $ystride))
                   (i32.mul (local.get $g) (i32.const 32)))))
        (v128.store (local.get $yp) (local.get $a0))
        (v128.store offset=16 (local.get $yp) (local.get $a1))
        (local.set $yp (i32.add (local.get $yp) (local.get $ystride)))
        (v128.store (local.get $yp) (local.get $b0))
        (v128.store offset=16 (local.get $yp) (local.get $b1))
        (local.set $yp (i32.add (local.get $yp) (local.get $ystride)))
        (v128.store (local.get $yp) (local.get $c0))
        (v128.store offset=16 (local.get $yp) (local.get $c1))
        (local.set $yp (i32.add (local.get $yp) (local.get $ystride)))
        (v128.store (local.get $yp) (local.get $d0))
        (v128.store offset=16 (local.get $yp) (local.get $d1))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br_if $block (i32.lt_u (local.get $b) (local.get $blocks))))
      (local.set $g (i32.add (local.get $g) (i32.const 1)))
      (br_if $group (i32.lt_u (local.get $g) (local.get $groups))))))
