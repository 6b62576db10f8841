;; The engine's hot kernels in WebAssembly: the block passes' (kernels.ts's forwardProduct, backwardProduct
;; and gradientUpdate, activations.ts's logistic with exp.ts's exponential, losses.ts's squared error on
;; logistic outputs) with 128-bit SIMD, two doubles per instruction; and online.ts's classic step
;; (classicOnline, scalar), whole runs of patterns per call. A load is one instruction here where a
;; typed-array load in JavaScript costs several.
;;
;; Bit-exactness: every result is computed by the same IEEE operations in the same order as the TypeScript
;; kernel it replaces — one running sum per result over the inner index in ascending order, from the same
;; starting value; multiply, then add (never a fused multiply-add); exp's chain step by step. SIMD lanes
;; hold two different results, never two halves of one sum. So the bits are the TypeScript kernels' bits,
;; on every host; test/unit/engine/wasm-kernels.test.ts checks it, and bench/digest.ts must not change.
;;
;; Pointers are byte offsets into the memory the engine's arena hands out (kernel-arena.ts); matrices are
;; row-major Float64, as in kernels.ts. Assembled by build/wasm/assemble.mjs into block-kernels.wasm.ts, from
;; this file and its continuations, block-kernels-update.wat, block-kernels-steps.wat (step programs) and
;; block-kernels-online.wat, joined in that order.
(module
  (import "env" "memory" (memory 1))
  ;; exp.ts's exp, for the lanes whose argument is in one of the ranges it hands to fdlibm/exp.ts.
  (import "env" "exp" (func $exp (param f64) (result f64)))

  ;; init + Σ_{i<n} x[i·xs] y[i·ys], in order (strides in bytes): the kernels' edges, where no tile fits.
  (func $dot (param $init f64) (param $x i32) (param $xs i32) (param $y i32) (param $ys i32) (param $n i32) (result f64)
    (local $a f64)
    (local.set $a (local.get $init))
    (block $done
      (loop $next
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $a (f64.add (local.get $a) (f64.mul (f64.load (local.get $x)) (f64.load (local.get $y)))))
        (local.set $x (i32.add (local.get $x) (local.get $xs)))
        (local.set $y (i32.add (local.get $y) (local.get $ys)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; Forward: OUT[p][r] = b[r] + Σ_k H[p][k] W[r][k] (H: m × K, W: N × K, OUT: m × N).
  ;; Tiles of 4 patterns × 4 rows; a vector holds rows r, r+1 (or r+2, r+3) of one pattern.
  (func (export "forward") (param $H i32) (param $W i32) (param $b i32) (param $OUT i32) (param $m i32) (param $K i32) (param $N i32)
    (local $K8 i32) (local $N8 i32) (local $p i32) (local $r i32) (local $k i32)
    (local $h0 i32) (local $h1 i32) (local $h2 i32) (local $h3 i32)
    (local $w0 i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $o i32)
    (local $x v128) (local $wa v128) (local $wb v128)
    (local $a0 v128) (local $b0 v128) (local $a1 v128) (local $b1 v128)
    (local $a2 v128) (local $b2 v128) (local $a3 v128) (local $b3 v128)
    (local.set $K8 (i32.shl (local.get $K) (i32.const 3)))
    (local.set $N8 (i32.shl (local.get $N) (i32.const 3)))
    (local.set $p (i32.const 0))
    (block $pDone
      (loop $pNext
        (br_if $pDone (i32.gt_s (i32.add (local.get $p) (i32.const 4)) (local.get $m)))
        (local.set $r (i32.const 0))
        (block $rDone
          (loop $rNext
            (br_if $rDone (i32.gt_s (i32.add (local.get $r) (i32.const 4)) (local.get $N)))
            (local.set $h0 (i32.add (local.get $H) (i32.mul (local.get $p) (local.get $K8))))
            (local.set $h1 (i32.add (local.get $h0) (local.get $K8)))
            (local.set $h2 (i32.add (local.get $h1) (local.get $K8)))
            (local.set $h3 (i32.add (local.get $h2) (local.get $K8)))
            (local.set $w0 (i32.add (local.get $W) (i32.mul (local.get $r) (local.get $K8))))
            (local.set $w1 (i32.add (local.get $w0) (local.get $K8)))
            (local.set $w2 (i32.add (local.get $w1) (local.get $K8)))
            (local.set $w3 (i32.add (local.get $w2) (local.get $K8)))
            (local.set $a0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 3)))))
            (local.set $b0 (v128.load offset=16 (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 3)))))
            (local.set $a1 (local.get $a0)) (local.set $b1 (local.get $b0))
            (local.set $a2 (local.get $a0)) (local.set $b2 (local.get $b0))
            (local.set $a3 (local.get $a0)) (local.set $b3 (local.get $b0))
            (local.set $k (local.get $K))
            (block $kDone
              (loop $kNext
                (br_if $kDone (i32.eqz (local.get $k)))
                (local.set $wa (v128.load64_lane 1 (local.get $w1) (v128.load64_splat (local.get $w0))))
                (local.set $wb (v128.load64_lane 1 (local.get $w3) (v128.load64_splat (local.get $w2))))
                (local.set $x (v128.load64_splat (local.get $h0)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $x (v128.load64_splat (local.get $h1)))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $x (v128.load64_splat (local.get $h2)))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $x (v128.load64_splat (local.get $h3)))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $h0 (i32.add (local.get $h0) (i32.const 8)))
                (local.set $h1 (i32.add (local.get $h1) (i32.const 8)))
                (local.set $h2 (i32.add (local.get $h2) (i32.const 8)))
                (local.set $h3 (i32.add (local.get $h3) (i32.const 8)))
                (local.set $w0 (i32.add (local.get $w0) (i32.const 8)))
                (local.set $w1 (i32.add (local.get $w1) (i32.const 8)))
                (local.set $w2 (i32.add (local.get $w2) (i32.const 8)))
                (local.set $w3 (i32.add (local.get $w3) (i32.const 8)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $kNext)))
            (local.set $o (i32.add (local.get $OUT)
              (i32.shl (i32.add (i32.mul (local.get $p) (local.get $N)) (local.get $r)) (i32.const 3))))
            (v128.store (local.get $o) (local.get $a0))
            (v128.store offset=16 (local.get $o) (local.get $b0))
            (local.set $o (i32.add (local.get $o) (local.get $N8)))
            (v128.store (local.get $o) (local.get $a1))
            (v128.store offset=16 (local.get $o) (local.get $b1))
            (local.set $o (i32.add (local.get $o) (local.get $N8)))
            (v128.store (local.get $o) (local.get $a2))
            (v128.store offset=16 (local.get $o) (local.get $b2))
            (local.set $o (i32.add (local.get $o) (local.get $N8)))
            (v128.store (local.get $o) (local.get $a3))
            (v128.store offset=16 (local.get $o) (local.get $b3))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $rNext)))
        ;; The last rows (N mod 4) of these four patterns.
        (call $forwardRows (local.get $H) (local.get $W) (local.get $b) (local.get $OUT)
          (local.get $p) (i32.add (local.get $p) (i32.const 4)) (local.get $r) (local.get $K) (local.get $N))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $pNext)))
    ;; The last patterns (m mod 4), one at a time.
    (block $oneDone
      (loop $oneNext
        (br_if $oneDone (i32.ge_s (local.get $p) (local.get $m)))
        (call $forwardPattern (local.get $H) (local.get $W) (local.get $b) (local.get $OUT) (local.get $p) (local.get $K) (local.get $N))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $oneNext))))

  ;; One pattern p's rows, four at a time (a vector holds rows r, r+1 or r+2, r+3: two running sums), then
  ;; the last N mod 4 one by one. b[r … r+3] is read before OUT[r … r+3] is written, so b may be OUT.
  (func $forwardPattern (param $H i32) (param $W i32) (param $b i32) (param $OUT i32) (param $p i32) (param $K i32) (param $N i32)
    (local $K8 i32) (local $r i32) (local $k i32) (local $h i32) (local $w0 i32) (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $x v128) (local $a v128) (local $c v128)
    (local.set $K8 (i32.shl (local.get $K) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $rDone
      (loop $rNext
        (br_if $rDone (i32.gt_s (i32.add (local.get $r) (i32.const 4)) (local.get $N)))
        (local.set $h (i32.add (local.get $H) (i32.mul (local.get $p) (local.get $K8))))
        (local.set $w0 (i32.add (local.get $W) (i32.mul (local.get $r) (local.get $K8))))
        (local.set $w1 (i32.add (local.get $w0) (local.get $K8)))
        (local.set $w2 (i32.add (local.get $w1) (local.get $K8)))
        (local.set $w3 (i32.add (local.get $w2) (local.get $K8)))
        (local.set $a (v128.load (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $c (v128.load offset=16 (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $k (local.get $K))
        (block $kDone
          (loop $kNext
            (br_if $kDone (i32.eqz (local.get $k)))
            (local.set $x (v128.load64_splat (local.get $h)))
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (local.get $x) (v128.load64_lane 1 (local.get $w1) (v128.load64_splat (local.get $w0))))))
            (local.set $c (f64x2.add (local.get $c)
              (f64x2.mul (local.get $x) (v128.load64_lane 1 (local.get $w3) (v128.load64_splat (local.get $w2))))))
            (local.set $h (i32.add (local.get $h) (i32.const 8)))
            (local.set $w0 (i32.add (local.get $w0) (i32.const 8)))
            (local.set $w1 (i32.add (local.get $w1) (i32.const 8)))
            (local.set $w2 (i32.add (local.get $w2) (i32.const 8)))
            (local.set $w3 (i32.add (local.get $w3) (i32.const 8)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $kNext)))
        (v128.store (i32.add (local.get $OUT) (i32.shl (i32.add (i32.mul (local.get $p) (local.get $N)) (local.get $r)) (i32.const 3))) (local.get $a))
        (v128.store offset=16 (i32.add (local.get $OUT) (i32.shl (i32.add (i32.mul (local.get $p) (local.get $N)) (local.get $r)) (i32.const 3))) (local.get $c))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rNext)))
    (call $forwardRows (local.get $H) (local.get $W) (local.get $b) (local.get $OUT)
      (local.get $p) (i32.add (local.get $p) (i32.const 1)) (local.get $r) (local.get $K) (local.get $N)))

  ;; OUT[p][r] for p in [p0, p1), r in [r0, N), one running sum each.
  (func $forwardRows (param $H i32) (param $W i32) (param $b i32) (param $OUT i32) (param $p0 i32) (param $p1 i32) (param $r0 i32) (param $K i32) (param $N i32)
    (local $p i32) (local $r i32) (local $K8 i32)
    (local.set $K8 (i32.shl (local.get $K) (i32.const 3)))
    (local.set $p (local.get $p0))
    (block $pDone
      (loop $pNext
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $p1)))
        (local.set $r (local.get $r0))
        (block $rDone
          (loop $rNext
            (br_if $rDone (i32.ge_s (local.get $r) (local.get $N)))
            (f64.store
              (i32.add (local.get $OUT) (i32.shl (i32.add (i32.mul (local.get $p) (local.get $N)) (local.get $r)) (i32.const 3)))
              (call $dot
                (f64.load (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 3))))
                (i32.add (local.get $H) (i32.mul (local.get $p) (local.get $K8))) (i32.const 8)
                (i32.add (local.get $W) (i32.mul (local.get $r) (local.get $K8))) (i32.const 8)
                (local.get $K)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rNext)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pNext))))

  ;; Backward: OUT[p][c] = Σ_r D[p][r] B[r][c], from 0 (D: m × N, B: N × K, OUT: m × K).
  ;; Tiles of 4 patterns × 4 columns; a vector holds columns c, c+1 (or c+2, c+3) of one pattern.
  (func $backward (export "backward") (param $D i32) (param $B i32) (param $OUT i32) (param $m i32) (param $N i32) (param $K i32)
    (local $K8 i32) (local $N8 i32) (local $p i32) (local $c i32) (local $r i32)
    (local $d0 i32) (local $d1 i32) (local $d2 i32) (local $d3 i32) (local $w i32) (local $o i32)
    (local $x v128) (local $wa v128) (local $wb v128)
    (local $a0 v128) (local $b0 v128) (local $a1 v128) (local $b1 v128)
    (local $a2 v128) (local $b2 v128) (local $a3 v128) (local $b3 v128)
    (local.set $K8 (i32.shl (local.get $K) (i32.const 3)))
    (local.set $N8 (i32.shl (local.get $N) (i32.const 3)))
    (local.set $p (i32.const 0))
    (block $pDone
      (loop $pNext
        (br_if $pDone (i32.gt_s (i32.add (local.get $p) (i32.const 4)) (local.get $m)))
        (local.set $c (i32.const 0))
        (block $cDone
          (loop $cNext
            (br_if $cDone (i32.gt_s (i32.add (local.get $c) (i32.const 4)) (local.get $K)))
            (local.set $d0 (i32.add (local.get $D) (i32.mul (local.get $p) (local.get $N8))))
            (local.set $d1 (i32.add (local.get $d0) (local.get $N8)))
            (local.set $d2 (i32.add (local.get $d1) (local.get $N8)))
            (local.set $d3 (i32.add (local.get $d2) (local.get $N8)))
            (local.set $w (i32.add (local.get $B) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $a0 (v128.const f64x2 0 0)) (local.set $b0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0)) (local.set $b1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0)) (local.set $b2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0)) (local.set $b3 (v128.const f64x2 0 0))
            (local.set $r (local.get $N))
            (block $rDone
              (loop $rNext
                (br_if $rDone (i32.eqz (local.get $r)))
                (local.set $wa (v128.load (local.get $w)))
                (local.set $wb (v128.load offset=16 (local.get $w)))
                (local.set $x (v128.load64_splat (local.get $d0)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $x (v128.load64_splat (local.get $d1)))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $x (v128.load64_splat (local.get $d2)))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $x (v128.load64_splat (local.get $d3)))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $x) (local.get $wa))))
                (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $x) (local.get $wb))))
                (local.set $d0 (i32.add (local.get $d0) (i32.const 8)))
                (local.set $d1 (i32.add (local.get $d1) (i32.const 8)))
                (local.set $d2 (i32.add (local.get $d2) (i32.const 8)))
                (local.set $d3 (i32.add (local.get $d3) (i32.const 8)))
                (local.set $w (i32.add (local.get $w) (local.get $K8)))
                (local.set $r (i32.sub (local.get $r) (i32.const 1)))
                (br $rNext)))
            (local.set $o (i32.add (local.get $OUT)
              (i32.shl (i32.add (i32.mul (local.get $p) (local.get $K)) (local.get $c)) (i32.const 3))))
            (v128.store (local.get $o) (local.get $a0))
            (v128.store offset=16 (local.get $o) (local.get $b0))
            (local.set $o (i32.add (local.get $o) (local.get $K8)))
            (v128.store (local.get $o) (local.get $a1))
            (v128.store offset=16 (local.get $o) (local.get $b1))
            (local.set $o (i32.add (local.get $o) (local.get $K8)))
            (v128.store (local.get $o) (local.get $a2))
            (v128.store offset=16 (local.get $o) (local.get $b2))
            (local.set $o (i32.add (local.get $o) (local.get $K8)))
            (v128.store (local.get $o) (local.get $a3))
            (v128.store offset=16 (local.get $o) (local.get $b3))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $cNext)))
        (call $backwardColumns (local.get $D) (local.get $B) (local.get $OUT)
          (local.get $p) (i32.add (local.get $p) (i32.const 4)) (local.get $c) (local.get $N) (local.get $K))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $pNext)))
    ;; The last patterns (m mod 4), one at a time.
    (block $oneDone
      (loop $oneNext
        (br_if $oneDone (i32.ge_s (local.get $p) (local.get $m)))
        (call $backwardPattern (local.get $D) (local.get $B) (local.get $OUT) (local.get $p) (local.get $N) (local.get $K))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $oneNext))))

  ;; One pattern p's columns, four at a time (a vector holds columns c, c+1 or c+2, c+3), sums from 0 over
  ;; the rows in order, then the last K mod 4 one by one.
  (func $backwardPattern (param $D i32) (param $B i32) (param $OUT i32) (param $p i32) (param $N i32) (param $K i32)
    (local $K8 i32) (local $c i32) (local $r i32) (local $d i32) (local $w i32) (local $o i32)
    (local $x v128) (local $a v128) (local $e v128)
    (local.set $K8 (i32.shl (local.get $K) (i32.const 3)))
    (local.set $c (i32.const 0))
    (block $cDone
      (loop $cNext
        (br_if $cDone (i32.gt_s (i32.add (local.get $c) (i32.const 4)) (local.get $K)))
        (local.set $d (i32.add (local.get $D) (i32.shl (i32.mul (local.get $p) (local.get $N)) (i32.const 3))))
        (local.set $w (i32.add (local.get $B) (i32.shl (local.get $c) (i32.const 3))))
        (local.set $a (v128.const f64x2 0 0))
        (local.set $e (v128.const f64x2 0 0))
        (local.set $r (local.get $N))
        (block $rDone
          (loop $rNext
            (br_if $rDone (i32.eqz (local.get $r)))
            (local.set $x (v128.load64_splat (local.get $d)))
            (local.set $a (f64x2.add (local.get $a) (f64x2.mul (local.get $x) (v128.load (local.get $w)))))
            (local.set $e (f64x2.add (local.get $e) (f64x2.mul (local.get $x) (v128.load offset=16 (local.get $w)))))
            (local.set $d (i32.add (local.get $d) (i32.const 8)))
            (local.set $w (i32.add (local.get $w) (local.get $K8)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $rNext)))
        (local.set $o (i32.add (local.get $OUT) (i32.shl (i32.add (i32.mul (local.get $p) (local.get $K)) (local.get $c)) (i32.const 3))))
        (v128.store (local.get $o) (local.get $a))
        (v128.store offset=16 (local.get $o) (local.get $e))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $cNext)))
    (call $backwardColumns (local.get $D) (local.get $B) (local.get $OUT)
      (local.get $p) (i32.add (local.get $p) (i32.const 1)) (local.get $c) (local.get $N) (local.get $K)))

  ;; OUT[p][c] for p in [p0, p1), c in [c0, K), one running sum each from 0.
  (func $backwardColumns (param $D i32) (param $B i32) (param $OUT i32) (param $p0 i32) (param $p1 i32) (param $c0 i32) (param $N i32) (param $K i32)
    (local $p i32) (local $c i32)
    (local.set $p (local.get $p0))
    (block $pDone
      (loop $pNext
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $p1)))
        (local.set $c (local.get $c0))
        (block $cDone
          (loop $cNext
            (br_if $cDone (i32.ge_s (local.get $c) (local.get $K)))
            (f64.store
              (i32.add (local.get $OUT) (i32.shl (i32.add (i32.mul (local.get $p) (local.get $K)) (local.get $c)) (i32.const 3)))
              (call $dot (f64.const 0)
                (i32.add (local.get $D) (i32.shl (i32.mul (local.get $p) (local.get $N)) (i32.const 3))) (i32.const 8)
                (i32.add (local.get $B) (i32.shl (local.get $c) (i32.const 3))) (i32.shl (local.get $K) (i32.const 3))
                (local.get $N)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cNext)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pNext))))
