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
;; row-major Float64, as in kernels.ts. Assembled by build/assemble-wasm.mjs into block-kernels.wasm.ts.
(module
  (import "env" "memory" (memory 1))
  ;; exp.ts's exp, for the lanes whose argument is in one of the ranges it hands to Math.exp.
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
    ;; The last patterns (m mod 4), every row.
    (call $forwardRows (local.get $H) (local.get $W) (local.get $b) (local.get $OUT)
      (local.get $p) (local.get $m) (i32.const 0) (local.get $K) (local.get $N)))

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
  (func (export "backward") (param $D i32) (param $B i32) (param $OUT i32) (param $m i32) (param $N i32) (param $K i32)
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
    (call $backwardColumns (local.get $D) (local.get $B) (local.get $OUT)
      (local.get $p) (local.get $m) (i32.const 0) (local.get $N) (local.get $K)))

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

  ;; Gradient and update in one pass, when one block holds the whole update and there is no weight decay:
  ;; g[r][c] = D[0][r] H[0][c] + Σ_{p≥1} D[p][r] H[p][c], then W, mW updated (D: m × N, H: m × K, W: N × K).
  ;; Tiles of 4 rows × 4 columns; a vector holds columns c, c+1 (or c+2, c+3) of one row.
  (func (export "gradientUpdate") (param $D i32) (param $H i32) (param $W i32) (param $mW i32) (param $m i32) (param $N i32) (param $K i32) (param $lr f64) (param $alpha f64)
    (local $K8 i32) (local $N8 i32) (local $r i32) (local $c i32) (local $p i32)
    (local $d i32) (local $h i32) (local $pw i32) (local $pm i32)
    (local $vlr v128) (local $v v128) (local $valpha v128) (local $x v128) (local $ya v128) (local $yb v128)
    (local $a0 v128) (local $b0 v128) (local $a1 v128) (local $b1 v128)
    (local $a2 v128) (local $b2 v128) (local $a3 v128) (local $b3 v128)
    (local.set $K8 (i32.shl (local.get $K) (i32.const 3)))
    (local.set $N8 (i32.shl (local.get $N) (i32.const 3)))
    (local.set $vlr (f64x2.splat (local.get $lr)))
    (local.set $valpha (f64x2.splat (local.get $alpha)))
    (local.set $r (i32.const 0))
    (block $rDone
      (loop $rNext
        (br_if $rDone (i32.gt_s (i32.add (local.get $r) (i32.const 4)) (local.get $N)))
        (local.set $c (i32.const 0))
        (block $cDone
          (loop $cNext
            (br_if $cDone (i32.gt_s (i32.add (local.get $c) (i32.const 4)) (local.get $K)))
            ;; The first pattern's products start each sum.
            (local.set $d (i32.add (local.get $D) (i32.shl (local.get $r) (i32.const 3))))
            (local.set $h (i32.add (local.get $H) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $ya (v128.load (local.get $h)))
            (local.set $yb (v128.load offset=16 (local.get $h)))
            (local.set $x (v128.load64_splat (local.get $d)))
            (local.set $a0 (f64x2.mul (local.get $x) (local.get $ya)))
            (local.set $b0 (f64x2.mul (local.get $x) (local.get $yb)))
            (local.set $x (v128.load64_splat offset=8 (local.get $d)))
            (local.set $a1 (f64x2.mul (local.get $x) (local.get $ya)))
            (local.set $b1 (f64x2.mul (local.get $x) (local.get $yb)))
            (local.set $x (v128.load64_splat offset=16 (local.get $d)))
            (local.set $a2 (f64x2.mul (local.get $x) (local.get $ya)))
            (local.set $b2 (f64x2.mul (local.get $x) (local.get $yb)))
            (local.set $x (v128.load64_splat offset=24 (local.get $d)))
            (local.set $a3 (f64x2.mul (local.get $x) (local.get $ya)))
            (local.set $b3 (f64x2.mul (local.get $x) (local.get $yb)))
            (local.set $p (i32.const 1))
            (block $pDone
              (loop $pNext
                (br_if $pDone (i32.ge_s (local.get $p) (local.get $m)))
                (local.set $d (i32.add (local.get $d) (local.get $N8)))
                (local.set $h (i32.add (local.get $h) (local.get $K8)))
                (local.set $ya (v128.load (local.get $h)))
                (local.set $yb (v128.load offset=16 (local.get $h)))
                (local.set $x (v128.load64_splat (local.get $d)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $x) (local.get $ya))))
                (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $x) (local.get $yb))))
                (local.set $x (v128.load64_splat offset=8 (local.get $d)))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $x) (local.get $ya))))
                (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $x) (local.get $yb))))
                (local.set $x (v128.load64_splat offset=16 (local.get $d)))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $x) (local.get $ya))))
                (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $x) (local.get $yb))))
                (local.set $x (v128.load64_splat offset=24 (local.get $d)))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $x) (local.get $ya))))
                (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $x) (local.get $yb))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $pNext)))
            ;; ΔW = α ΔW(t−1) − λ g, then W += ΔW: optimizer.ts's arithmetic, two weights per vector.
            (local.set $pw (i32.add (local.get $W) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $c)) (i32.const 3))))
            (local.set $pm (i32.add (local.get $mW) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $c)) (i32.const 3))))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $a0))))
            (v128.store (local.get $pm) (local.get $v))
            (v128.store (local.get $pw) (f64x2.add (v128.load (local.get $pw)) (local.get $v)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load offset=16 (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $b0))))
            (v128.store offset=16 (local.get $pm) (local.get $v))
            (v128.store offset=16 (local.get $pw) (f64x2.add (v128.load offset=16 (local.get $pw)) (local.get $v)))
            (local.set $pw (i32.add (local.get $pw) (local.get $K8)))
            (local.set $pm (i32.add (local.get $pm) (local.get $K8)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $a1))))
            (v128.store (local.get $pm) (local.get $v))
            (v128.store (local.get $pw) (f64x2.add (v128.load (local.get $pw)) (local.get $v)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load offset=16 (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $b1))))
            (v128.store offset=16 (local.get $pm) (local.get $v))
            (v128.store offset=16 (local.get $pw) (f64x2.add (v128.load offset=16 (local.get $pw)) (local.get $v)))
            (local.set $pw (i32.add (local.get $pw) (local.get $K8)))
            (local.set $pm (i32.add (local.get $pm) (local.get $K8)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $a2))))
            (v128.store (local.get $pm) (local.get $v))
            (v128.store (local.get $pw) (f64x2.add (v128.load (local.get $pw)) (local.get $v)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load offset=16 (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $b2))))
            (v128.store offset=16 (local.get $pm) (local.get $v))
            (v128.store offset=16 (local.get $pw) (f64x2.add (v128.load offset=16 (local.get $pw)) (local.get $v)))
            (local.set $pw (i32.add (local.get $pw) (local.get $K8)))
            (local.set $pm (i32.add (local.get $pm) (local.get $K8)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $a3))))
            (v128.store (local.get $pm) (local.get $v))
            (v128.store (local.get $pw) (f64x2.add (v128.load (local.get $pw)) (local.get $v)))
            (local.set $v (f64x2.sub (f64x2.mul (local.get $valpha) (v128.load offset=16 (local.get $pm))) (f64x2.mul (local.get $vlr) (local.get $b3))))
            (v128.store offset=16 (local.get $pm) (local.get $v))
            (v128.store offset=16 (local.get $pw) (f64x2.add (v128.load offset=16 (local.get $pw)) (local.get $v)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $cNext)))
        (call $gradientUpdateCells (local.get $D) (local.get $H) (local.get $W) (local.get $mW) (local.get $m) (local.get $N) (local.get $K)
          (local.get $lr) (local.get $alpha) (local.get $r) (i32.add (local.get $r) (i32.const 4)) (local.get $c))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rNext)))
    (call $gradientUpdateCells (local.get $D) (local.get $H) (local.get $W) (local.get $mW) (local.get $m) (local.get $N) (local.get $K)
      (local.get $lr) (local.get $alpha) (local.get $r) (local.get $N) (i32.const 0)))

  ;; gradientUpdate's cells r in [r0, r1), c in [c0, K), one at a time.
  (func $gradientUpdateCells (param $D i32) (param $H i32) (param $W i32) (param $mW i32) (param $m i32) (param $N i32) (param $K i32)
    (param $lr f64) (param $alpha f64) (param $r0 i32) (param $r1 i32) (param $c0 i32)
    (local $r i32) (local $c i32) (local $d i32) (local $h i32) (local $i i32) (local $a f64) (local $v f64)
    (local.set $r (local.get $r0))
    (block $rDone
      (loop $rNext
        (br_if $rDone (i32.ge_s (local.get $r) (local.get $r1)))
        (local.set $c (local.get $c0))
        (block $cDone
          (loop $cNext
            (br_if $cDone (i32.ge_s (local.get $c) (local.get $K)))
            (local.set $d (i32.add (local.get $D) (i32.shl (local.get $r) (i32.const 3))))
            (local.set $h (i32.add (local.get $H) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $a (call $dot
              (f64.mul (f64.load (local.get $d)) (f64.load (local.get $h)))
              (i32.add (local.get $d) (i32.shl (local.get $N) (i32.const 3))) (i32.shl (local.get $N) (i32.const 3))
              (i32.add (local.get $h) (i32.shl (local.get $K) (i32.const 3))) (i32.shl (local.get $K) (i32.const 3))
              (i32.sub (local.get $m) (i32.const 1))))
            (local.set $i (i32.shl (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $c)) (i32.const 3)))
            (local.set $v (f64.sub
              (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $mW) (local.get $i))))
              (f64.mul (local.get $lr) (local.get $a))))
            (f64.store (i32.add (local.get $mW) (local.get $i)) (local.get $v))
            (f64.store (i32.add (local.get $W) (local.get $i))
              (f64.add (f64.load (i32.add (local.get $W) (local.get $i))) (local.get $v)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cNext)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rNext))))

  ;; Logistic units: out[i] = 1 / (1 + e^{−net[i]}) for `length` values, two at a time, with exp.ts's
  ;; exponential (fdlibm's e_exp.c as exp.ts writes it). A pair with an argument in a range exp.ts hands to
  ;; Math.exp (|x| ≥ 700, |x| < 2⁻²⁸, x = 1, NaN), and an odd last value, go through exp.ts itself.
  (func (export "logistic") (param $net i32) (param $out i32) (param $length i32)
    (local $end i32) (local $x v128) (local $ax v128) (local $k v128) (local $hi v128) (local $lo v128)
    (local $r v128) (local $t v128) (local $c v128) (local $y v128)
    (local $large v128) (local $tiny v128) (local $one v128) (local $invLn2 v128) (local $signBit v128) (local $half v128) (local $reduceFrom v128) (local $ln2Hi v128) (local $ln2Lo v128) (local $p1 v128) (local $p2 v128) (local $p3 v128) (local $p4 v128) (local $p5 v128) (local $two v128) (local $shifter v128) (local $bias v128)
    ;; The constants, in locals before the loop (V8 would otherwise materialise each one on every pass):
    ;; exp.ts's LARGE, TINY, INV_LN2, REDUCE_FROM, LN2_HI, LN2_LO, P1 … P5; 1.5 · 2⁵² and the exponent bias for 2^k.
    (local.set $large (v128.const f64x2 700 700))
    (local.set $tiny (v128.const f64x2 3.725290298461914e-9 3.725290298461914e-9))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $invLn2 (v128.const f64x2 1.44269504088896338700e+00 1.44269504088896338700e+00))
    (local.set $signBit (v128.const i64x2 0x8000000000000000 0x8000000000000000))
    (local.set $half (v128.const f64x2 0.5 0.5))
    (local.set $reduceFrom (v128.const f64x2 0.3465735912322998 0.3465735912322998))
    (local.set $ln2Hi (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
    (local.set $ln2Lo (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))
    (local.set $p1 (v128.const f64x2 1.66666666666666019037e-01 1.66666666666666019037e-01))
    (local.set $p2 (v128.const f64x2 -2.77777777770155933842e-03 -2.77777777770155933842e-03))
    (local.set $p3 (v128.const f64x2 6.61375632143793436117e-05 6.61375632143793436117e-05))
    (local.set $p4 (v128.const f64x2 -1.65339022054652515390e-06 -1.65339022054652515390e-06))
    (local.set $p5 (v128.const f64x2 4.13813679705723846039e-08 4.13813679705723846039e-08))
    (local.set $two (v128.const f64x2 2 2))
    (local.set $shifter (v128.const f64x2 6755399441055744 6755399441055744))
    (local.set $bias (v128.const i64x2 1023 1023))
    (local.set $end (i32.add (local.get $net) (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $net) (local.get $end)))
        (local.set $x (f64x2.neg (v128.load (local.get $net))))
        (local.set $ax (f64x2.abs (local.get $x)))
        (if (v128.any_true (v128.or
              (v128.or (v128.not (f64x2.lt (local.get $ax) (local.get $large)))
                       (f64x2.lt (local.get $ax) (local.get $tiny)))
              (f64x2.eq (local.get $x) (local.get $one))))
          (then
            (call $logisticOne (local.get $net) (local.get $out))
            (call $logisticOne (i32.add (local.get $net) (i32.const 8)) (i32.add (local.get $out) (i32.const 8))))
          (else
            ;; k = trunc(x / ln 2 ± ½), 0 where fdlibm does not reduce (|x| < 0.3465735912322998).
            (local.set $k (f64x2.trunc (f64x2.add
              (f64x2.mul (local.get $invLn2) (local.get $x))
              (v128.or (v128.and (local.get $x) (local.get $signBit))
                       (local.get $half)))))
            (local.set $k (v128.andnot (local.get $k)
              (f64x2.lt (local.get $ax) (local.get $reduceFrom))))
            (local.set $hi (f64x2.sub (local.get $x)
              (f64x2.mul (local.get $k) (local.get $ln2Hi))))
            (local.set $lo (f64x2.mul (local.get $k) (local.get $ln2Lo)))
            (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
            (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
            (local.set $c (f64x2.sub (local.get $r) (f64x2.mul (local.get $t)
              (f64x2.add (local.get $p1) (f64x2.mul (local.get $t)
              (f64x2.add (local.get $p2) (f64x2.mul (local.get $t)
              (f64x2.add (local.get $p3) (f64x2.mul (local.get $t)
              (f64x2.add (local.get $p4) (f64x2.mul (local.get $t)
                (local.get $p5))))))))))))
            (local.set $y (f64x2.sub (local.get $one)
              (f64x2.sub
                (f64x2.sub (local.get $lo)
                  (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (local.get $two) (local.get $c))))
                (local.get $hi))))
            ;; y · 2^k, 2^k built from its exponent bits (|k| ≤ 1010: a normal double, the product exact).
            ;; k + 1.5 · 2⁵² holds k in its low bits exactly; the bits of 1.5 · 2⁵² and the exponent bias
            ;; 1023 then go into and out of the exponent field together: ((bits + 1023) << 52) = (k + 1023) << 52.
            (local.set $y (f64x2.mul (local.get $y)
              (i64x2.shl (i64x2.add (f64x2.add (local.get $k) (local.get $shifter))
                                    (local.get $bias))
                         (i32.const 52))))
            (v128.store (local.get $out)
              (f64x2.div (local.get $one) (f64x2.add (local.get $one) (local.get $y))))))
        (local.set $net (i32.add (local.get $net) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (call $logisticOne (local.get $net) (local.get $out)))))

  (func $logisticOne (param $net i32) (param $out i32)
    (f64.store (local.get $out)
      (f64.div (f64.const 1) (f64.add (f64.const 1) (call $exp (f64.neg (f64.load (local.get $net))))))))
  ;; Hidden logistic units' deltas: delta[i] ← delta[i] · (h[i] (1 − h[i])), as activations.ts's
  ;; multiplyByDerivative computes it.
  (func (export "logisticDerivative") (param $act i32) (param $delta i32) (param $length i32)
    (local $end i32) (local $h v128)
    (local.set $end (i32.add (local.get $act) (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $act) (local.get $end)))
        (local.set $h (v128.load (local.get $act)))
        (v128.store (local.get $delta) (f64x2.mul (v128.load (local.get $delta))
          (f64x2.mul (local.get $h) (f64x2.sub (v128.const f64x2 1 1) (local.get $h)))))
        (local.set $act (i32.add (local.get $act) (i32.const 16)))
        (local.set $delta (i32.add (local.get $delta) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then
        (f64.store (local.get $delta) (f64.mul (f64.load (local.get $delta))
          (f64.mul (f64.load (local.get $act)) (f64.sub (f64.const 1) (f64.load (local.get $act)))))))))

  ;; Copies n values from `from` to `to`; 1 when every one is within ±bound (NaN is not), else 0
  ;; (checkpoint.ts's end-of-epoch divergence check).
  (func (export "copyWithinBound") (param $from i32) (param $to i32) (param $n i32) (param $bound f64) (result i32)
    (local $end i32) (local $v v128) (local $vbound v128) (local $ok v128) (local $last f64) (local $okLast i32)
    (local.set $vbound (f64x2.splat (local.get $bound)))
    (local.set $ok (v128.const i64x2 -1 -1))
    (local.set $okLast (i32.const 1))
    (local.set $end (i32.add (local.get $from) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (local.set $v (v128.load (local.get $from)))
        (v128.store (local.get $to) (local.get $v))
        (local.set $ok (v128.and (local.get $ok) (f64x2.le (f64x2.abs (local.get $v)) (local.get $vbound))))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (local.set $to (i32.add (local.get $to) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $last (f64.load (local.get $from)))
        (f64.store (local.get $to) (local.get $last))
        (local.set $okLast (f64.le (f64.abs (local.get $last)) (local.get $bound)))))
    (i32.and (i64x2.all_true (local.get $ok)) (local.get $okLast)))

  ;; Squared error on logistic outputs (losses.ts's logisticSquaredErrorRow) for `rows` patterns of `units`
  ;; outputs: δ = −(t − o) o (1 − o), each row's pss = Σ_k (t − o)² in order and whether every |t − o| is
  ;; within the margin (1 or 0 in `correct`, bytes); NaN targets ("don't care") give δ = 0 and add nothing.
  ;; Row r's targets are those of pattern order[first + r] (u32), or of pattern first + r when order is −1.
  ;; Two rows at a time, one per lane: each lane is one row's running sum, as the TypeScript loop sums it.
  (func (export "logisticSquaredError") (param $act i32) (param $targets i32) (param $order i32) (param $first i32)
    (param $delta i32) (param $rows i32) (param $units i32) (param $margin f64) (param $pss i32) (param $correct i32)
    (local $row i32) (local $k i32) (local $U8 i32) (local $ta i32) (local $tb i32) (local $oa i32) (local $ob i32)
    (local $t v128) (local $o v128) (local $e v128) (local $valid v128) (local $sum v128) (local $ok v128)
    (local $d v128) (local $vmargin v128)
    (local.set $U8 (i32.shl (local.get $units) (i32.const 3)))
    (local.set $vmargin (f64x2.splat (local.get $margin)))
    (local.set $row (i32.const 0))
    (block $rowsDone
      (loop $nextRows
        (br_if $rowsDone (i32.ge_s (local.get $row) (local.get $rows)))
        (local.set $ta (call $targetRow (local.get $targets) (local.get $order) (local.get $first) (local.get $row) (local.get $U8)))
        ;; An odd last row pairs with itself; its second lane is dropped.
        (local.set $tb (call $targetRow (local.get $targets) (local.get $order) (local.get $first)
          (select (i32.add (local.get $row) (i32.const 1)) (local.get $row)
            (i32.lt_s (i32.add (local.get $row) (i32.const 1)) (local.get $rows)))
          (local.get $U8)))
        (local.set $oa (i32.mul (local.get $row) (local.get $U8)))
        (local.set $ob (select (i32.add (local.get $oa) (local.get $U8)) (local.get $oa)
          (i32.lt_s (i32.add (local.get $row) (i32.const 1)) (local.get $rows))))
        (local.set $sum (v128.const f64x2 0 0))
        (local.set $ok (v128.const i64x2 -1 -1))
        (local.set $k (i32.const 0))
        (block $unitsDone
          (loop $nextUnit
            (br_if $unitsDone (i32.ge_s (local.get $k) (local.get $U8)))
            (local.set $t (v128.load64_lane 1 (i32.add (local.get $tb) (local.get $k))
              (v128.load64_splat (i32.add (local.get $ta) (local.get $k)))))
            (local.set $o (v128.load64_lane 1 (i32.add (local.get $act) (i32.add (local.get $ob) (local.get $k)))
              (v128.load64_splat (i32.add (local.get $act) (i32.add (local.get $oa) (local.get $k))))))
            (local.set $valid (f64x2.eq (local.get $t) (local.get $t)))
            (local.set $e (f64x2.sub (local.get $t) (local.get $o)))
            (local.set $sum (f64x2.add (local.get $sum) (v128.and (f64x2.mul (local.get $e) (local.get $e)) (local.get $valid))))
            (local.set $ok (v128.andnot (local.get $ok)
              (v128.andnot (local.get $valid) (f64x2.le (f64x2.abs (local.get $e)) (local.get $vmargin)))))
            (local.set $d (v128.and (local.get $valid)
              (f64x2.mul (f64x2.neg (local.get $e)) (f64x2.mul (local.get $o) (f64x2.sub (v128.const f64x2 1 1) (local.get $o))))))
            (v128.store64_lane 0 (i32.add (local.get $delta) (i32.add (local.get $oa) (local.get $k))) (local.get $d))
            (if (i32.ne (local.get $oa) (local.get $ob))
              (then (v128.store64_lane 1 (i32.add (local.get $delta) (i32.add (local.get $ob) (local.get $k))) (local.get $d))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $nextUnit)))
        (v128.store64_lane 0 (i32.add (local.get $pss) (i32.shl (local.get $row) (i32.const 3))) (local.get $sum))
        (i32.store8 (i32.add (local.get $correct) (local.get $row)) (i64.ne (i64x2.extract_lane 0 (local.get $ok)) (i64.const 0)))
        (if (i32.ne (local.get $oa) (local.get $ob))
          (then
            (v128.store64_lane 1 (i32.add (local.get $pss) (i32.shl (i32.add (local.get $row) (i32.const 1)) (i32.const 3))) (local.get $sum))
            (i32.store8 (i32.add (local.get $correct) (i32.add (local.get $row) (i32.const 1)))
              (i64.ne (i64x2.extract_lane 1 (local.get $ok)) (i64.const 0)))))
        (local.set $row (i32.add (local.get $row) (i32.const 2)))
        (br $nextRows))))

  ;; Where row `row`'s targets start (bytes): pattern order[first + row], or first + row when order is −1.
  (func $targetRow (param $targets i32) (param $order i32) (param $first i32) (param $row i32) (param $U8 i32) (result i32)
    (i32.add (local.get $targets) (i32.mul (local.get $U8)
      (if (result i32) (i32.eq (local.get $order) (i32.const -1))
        (then (i32.add (local.get $first) (local.get $row)))
        (else (i32.load (i32.add (local.get $order) (i32.shl (i32.add (local.get $first) (local.get $row)) (i32.const 2)))))))))

  ;; The bias's share of gradientUpdate: Δb = α Δb(t−1) − λ Σ_p D[p][r], the sum from the first pattern's
  ;; delta, as kernels.ts's biasGradientUpdate. Two biases per vector.
  (func (export "biasGradientUpdate") (param $D i32) (param $b i32) (param $mb i32) (param $m i32) (param $N i32) (param $lr f64) (param $alpha f64)
    (local $N8 i32) (local $r i32) (local $p i32) (local $d i32) (local $a v128) (local $v v128) (local $sa f64) (local $sv f64)
    (local.set $N8 (i32.shl (local.get $N) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (i32.add (local.get $r) (i32.const 2)) (local.get $N)))
        (local.set $d (i32.add (local.get $D) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $a (v128.load (local.get $d)))
        (local.set $p (i32.const 1))
        (block $pDone
          (loop $pNext
            (br_if $pDone (i32.ge_s (local.get $p) (local.get $m)))
            (local.set $d (i32.add (local.get $d) (local.get $N8)))
            (local.set $a (f64x2.add (local.get $a) (v128.load (local.get $d))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pNext)))
        (local.set $d (i32.shl (local.get $r) (i32.const 3)))
        (local.set $v (f64x2.sub (f64x2.mul (f64x2.splat (local.get $alpha)) (v128.load (i32.add (local.get $mb) (local.get $d))))
          (f64x2.mul (f64x2.splat (local.get $lr)) (local.get $a))))
        (v128.store (i32.add (local.get $mb) (local.get $d)) (local.get $v))
        (v128.store (i32.add (local.get $b) (local.get $d)) (f64x2.add (v128.load (i32.add (local.get $b) (local.get $d))) (local.get $v)))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $next)))
    (if (i32.lt_s (local.get $r) (local.get $N))
      (then
        (local.set $d (i32.add (local.get $D) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $p (i32.const 1))
        (local.set $sa (f64.load (local.get $d)))
        (block $lastDone
          (loop $lastNext
            (br_if $lastDone (i32.ge_s (local.get $p) (local.get $m)))
            (local.set $d (i32.add (local.get $d) (local.get $N8)))
            (local.set $sa (f64.add (local.get $sa) (f64.load (local.get $d))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $lastNext)))
        (local.set $d (i32.shl (local.get $r) (i32.const 3)))
        (local.set $sv (f64.sub (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $mb) (local.get $d))))
          (f64.mul (local.get $lr) (local.get $sa))))
        (f64.store (i32.add (local.get $mb) (local.get $d)) (local.get $sv))
        (f64.store (i32.add (local.get $b) (local.get $d)) (f64.add (f64.load (i32.add (local.get $b) (local.get $d))) (local.get $sv))))))

  ;; exp.ts's exp for one argument: the same chain as `logistic`'s, one lane; the rare ranges go to exp.ts.
  (func $expOne (param $x f64) (result f64)
    (local $ax f64) (local $k f64) (local $hi f64) (local $lo f64) (local $r f64) (local $t f64) (local $c f64)
    (local.set $ax (f64.abs (local.get $x)))
    (if (i32.or (i32.or (i32.eqz (f64.lt (local.get $ax) (f64.const 700)))
                        (f64.lt (local.get $ax) (f64.const 3.725290298461914e-9)))
                (f64.eq (local.get $x) (f64.const 1)))
      (then (return (call $exp (local.get $x)))))
    (local.set $k (f64.trunc (f64.add (f64.mul (f64.const 1.44269504088896338700e+00) (local.get $x))
      (f64.copysign (f64.const 0.5) (local.get $x)))))
    (if (f64.lt (local.get $ax) (f64.const 0.3465735912322998)) (then (local.set $k (f64.const 0))))
    (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $k) (f64.const 6.93147180369123816490e-01))))
    (local.set $lo (f64.mul (local.get $k) (f64.const 1.90821492927058770002e-10)))
    (local.set $r (f64.sub (local.get $hi) (local.get $lo)))
    (local.set $t (f64.mul (local.get $r) (local.get $r)))
    (local.set $c (f64.sub (local.get $r) (f64.mul (local.get $t)
      (f64.add (f64.const 1.66666666666666019037e-01) (f64.mul (local.get $t)
      (f64.add (f64.const -2.77777777770155933842e-03) (f64.mul (local.get $t)
      (f64.add (f64.const 6.61375632143793436117e-05) (f64.mul (local.get $t)
      (f64.add (f64.const -1.65339022054652515390e-06) (f64.mul (local.get $t) (f64.const 4.13813679705723846039e-08))))))))))))
    (f64.mul
      (f64.sub (f64.const 1)
        (f64.sub (f64.sub (local.get $lo) (f64.div (f64.mul (local.get $r) (local.get $c)) (f64.sub (f64.const 2) (local.get $c))))
                 (local.get $hi)))
      ;; 2^k from its exponent bits (|k| ≤ 1010).
      (f64.reinterpret_i64 (i64.shl (i64.add (i64.trunc_f64_s (local.get $k)) (i64.const 1023)) (i64.const 52)))))

  ;; out[r] = b[r] + Σ_k x[k] W[r][k] for N rows of K (network.ts's forwardOne: one running sum per row),
  ;; then h = 1 / (1 + e^{−n}) of each into `h`.
  (func $forwardLogistic (param $x i32) (param $W i32) (param $b i32) (param $out i32) (param $h i32) (param $K i32) (param $N i32)
    (local $r i32) (local $k i32) (local $a f64) (local $xk i32) (local $w i32)
    (local.set $w (local.get $W))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $r) (local.get $N)))
        (local.set $a (f64.load (i32.add (local.get $b) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $xk (local.get $x))
        (local.set $k (local.get $K))
        (block $sumDone
          (loop $sumNext
            (br_if $sumDone (i32.eqz (local.get $k)))
            (local.set $a (f64.add (local.get $a) (f64.mul (f64.load (local.get $xk)) (f64.load (local.get $w)))))
            (local.set $xk (i32.add (local.get $xk) (i32.const 8)))
            (local.set $w (i32.add (local.get $w) (i32.const 8)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $sumNext)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 3))) (local.get $a))
        (f64.store (i32.add (local.get $h) (i32.shl (local.get $r) (i32.const 3)))
          (f64.div (f64.const 1) (f64.add (f64.const 1) (call $expOne (f64.neg (local.get $a))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next))))

  ;; The classic online network (online.ts's presentClassic: one hidden layer of logistic units, logistic
  ;; outputs, biases, squared error, backpropagation, no weight decay), pattern after pattern: positions
  ;; [position, end) of `order`, each pattern's forward pass, output deltas, hidden deltas and updates with the
  ;; sums and updates of presentClassic in the same order. `ctx` holds the arrays' byte offsets (i32 each:
  ;; inputs, targets, order, W0, b0, W1, b1, mW0, mb0, mW1, mb1, n1, h1, n2, h2, d1, d2, then I, H, O) and,
  ;; at ctx + 96, the epoch's tss and count correct (f64 each), updated. Each pattern's pss goes to pss[p].
  ;; Returns the position reached; −1 − position when a pss was not finite (its update was applied).
  (func (export "classicOnline") (param $ctx i32) (param $pss i32) (param $position i32) (param $end i32)
    (param $margin f64) (param $lr f64) (param $alpha f64) (result i32)
    (local $inputs i32) (local $targets i32) (local $order i32) (local $W0 i32) (local $b0 i32) (local $W1 i32) (local $b1 i32)
    (local $mW0 i32) (local $mb0 i32) (local $mW1 i32) (local $mb1 i32) (local $n1 i32) (local $h1 i32) (local $n2 i32) (local $h2 i32)
    (local $d1 i32) (local $d2 i32) (local $I i32) (local $H i32) (local $O i32)
    (local $p i32) (local $x i32) (local $tp i32) (local $k i32) (local $r i32) (local $c i32) (local $i i32) (local $ok i32)
    (local $tss f64) (local $correct f64) (local $sum f64) (local $t f64) (local $o f64) (local $e f64) (local $dr f64)
    (local $s f64) (local $h f64) (local $v f64)
    (local.set $inputs (i32.load offset=0 (local.get $ctx)))
    (local.set $targets (i32.load offset=4 (local.get $ctx)))
    (local.set $order (i32.load offset=8 (local.get $ctx)))
    (local.set $W0 (i32.load offset=12 (local.get $ctx)))
    (local.set $b0 (i32.load offset=16 (local.get $ctx)))
    (local.set $W1 (i32.load offset=20 (local.get $ctx)))
    (local.set $b1 (i32.load offset=24 (local.get $ctx)))
    (local.set $mW0 (i32.load offset=28 (local.get $ctx)))
    (local.set $mb0 (i32.load offset=32 (local.get $ctx)))
    (local.set $mW1 (i32.load offset=36 (local.get $ctx)))
    (local.set $mb1 (i32.load offset=40 (local.get $ctx)))
    (local.set $n1 (i32.load offset=44 (local.get $ctx)))
    (local.set $h1 (i32.load offset=48 (local.get $ctx)))
    (local.set $n2 (i32.load offset=52 (local.get $ctx)))
    (local.set $h2 (i32.load offset=56 (local.get $ctx)))
    (local.set $d1 (i32.load offset=60 (local.get $ctx)))
    (local.set $d2 (i32.load offset=64 (local.get $ctx)))
    (local.set $I (i32.load offset=68 (local.get $ctx)))
    (local.set $H (i32.load offset=72 (local.get $ctx)))
    (local.set $O (i32.load offset=76 (local.get $ctx)))
    (local.set $tss (f64.load offset=96 (local.get $ctx)))
    (local.set $correct (f64.load offset=104 (local.get $ctx)))
    (block $stop
      (loop $nextPattern
        (br_if $stop (i32.ge_s (local.get $position) (local.get $end)))
        (local.set $p (i32.load (i32.add (local.get $order) (i32.shl (local.get $position) (i32.const 2)))))
        (local.set $x (i32.add (local.get $inputs) (i32.shl (i32.mul (local.get $p) (local.get $I)) (i32.const 3))))
        ;; Forward: n¹ = W⁰ x + b¹, h¹; n² = W¹ h¹ + b², h².
        (call $forwardLogistic (local.get $x) (local.get $W0) (local.get $b0) (local.get $n1) (local.get $h1) (local.get $I) (local.get $H))
        (call $forwardLogistic (local.get $h1) (local.get $W1) (local.get $b1) (local.get $n2) (local.get $h2) (local.get $H) (local.get $O))
        ;; Output deltas, pss and correctness (losses.ts's logisticSquaredErrorRow).
        (local.set $tp (i32.add (local.get $targets) (i32.shl (i32.mul (local.get $p) (local.get $O)) (i32.const 3))))
        (local.set $sum (f64.const 0))
        (local.set $ok (i32.const 1))
        (local.set $k (i32.const 0))
        (block $outputsDone
          (loop $nextOutput
            (br_if $outputsDone (i32.ge_s (local.get $k) (local.get $O)))
            (local.set $i (i32.shl (local.get $k) (i32.const 3)))
            (local.set $t (f64.load (i32.add (local.get $tp) (local.get $i))))
            (if (f64.ne (local.get $t) (local.get $t))
              (then (f64.store (i32.add (local.get $d2) (local.get $i)) (f64.const 0)))
              (else
                (local.set $o (f64.load (i32.add (local.get $h2) (local.get $i))))
                (local.set $e (f64.sub (local.get $t) (local.get $o)))
                (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $e) (local.get $e))))
                (if (i32.eqz (f64.le (f64.abs (local.get $e)) (local.get $margin))) (then (local.set $ok (i32.const 0))))
                (f64.store (i32.add (local.get $d2) (local.get $i))
                  (f64.mul (f64.neg (local.get $e)) (f64.mul (local.get $o) (f64.sub (f64.const 1) (local.get $o)))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $nextOutput)))
        ;; Second layer: δ¹'s sums through W¹ (each weight read before it changes) and W¹'s update; a column
        ;; at a time, rows in order, as backpropagateAndUpdateWithoutDecay's strips sum.
        (local.set $c (i32.const 0))
        (block $columnsDone
          (loop $nextColumn
            (br_if $columnsDone (i32.ge_s (local.get $c) (local.get $H)))
            (local.set $h (f64.load (i32.add (local.get $h1) (i32.shl (local.get $c) (i32.const 3)))))
            (local.set $s (f64.const 0))
            (local.set $r (i32.const 0))
            (block $rowsDone
              (loop $nextRow
                (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $O)))
                (local.set $i (i32.shl (i32.add (i32.mul (local.get $r) (local.get $H)) (local.get $c)) (i32.const 3)))
                (local.set $dr (f64.load (i32.add (local.get $d2) (i32.shl (local.get $r) (i32.const 3)))))
                (local.set $s (f64.add (local.get $s) (f64.mul (local.get $dr) (f64.load (i32.add (local.get $W1) (local.get $i))))))
                (local.set $v (f64.sub (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $mW1) (local.get $i))))
                  (f64.mul (local.get $lr) (f64.mul (local.get $dr) (local.get $h)))))
                (f64.store (i32.add (local.get $mW1) (local.get $i)) (local.get $v))
                (f64.store (i32.add (local.get $W1) (local.get $i)) (f64.add (f64.load (i32.add (local.get $W1) (local.get $i))) (local.get $v)))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br $nextRow)))
            (f64.store (i32.add (local.get $d1) (i32.shl (local.get $c) (i32.const 3))) (local.get $s))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $nextColumn)))
        ;; b²'s update.
        (local.set $r (i32.const 0))
        (block $biases2Done
          (loop $nextBias2
            (br_if $biases2Done (i32.ge_s (local.get $r) (local.get $O)))
            (local.set $i (i32.shl (local.get $r) (i32.const 3)))
            (local.set $v (f64.sub (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $mb1) (local.get $i))))
              (f64.mul (local.get $lr) (f64.load (i32.add (local.get $d2) (local.get $i))))))
            (f64.store (i32.add (local.get $mb1) (local.get $i)) (local.get $v))
            (f64.store (i32.add (local.get $b1) (local.get $i)) (f64.add (f64.load (i32.add (local.get $b1) (local.get $i))) (local.get $v)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $nextBias2)))
        ;; First layer: δ¹ ⊙ h(1 − h), then W⁰'s and b¹'s updates, reading the pattern in place.
        (local.set $r (i32.const 0))
        (local.set $i (i32.const 0))
        (block $hiddenDone
          (loop $nextHidden
            (br_if $hiddenDone (i32.ge_s (local.get $r) (local.get $H)))
            (local.set $h (f64.load (i32.add (local.get $h1) (i32.shl (local.get $r) (i32.const 3)))))
            (local.set $dr (f64.mul (f64.load (i32.add (local.get $d1) (i32.shl (local.get $r) (i32.const 3))))
              (f64.mul (local.get $h) (f64.sub (f64.const 1) (local.get $h)))))
            (f64.store (i32.add (local.get $d1) (i32.shl (local.get $r) (i32.const 3))) (local.get $dr))
            (local.set $c (i32.const 0))
            (block $inputsDone
              (loop $nextInput
                (br_if $inputsDone (i32.ge_s (local.get $c) (local.get $I)))
                (local.set $v (f64.sub (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $mW0) (local.get $i))))
                  (f64.mul (local.get $lr) (f64.mul (local.get $dr) (f64.load (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3))))))))
                (f64.store (i32.add (local.get $mW0) (local.get $i)) (local.get $v))
                (f64.store (i32.add (local.get $W0) (local.get $i)) (f64.add (f64.load (i32.add (local.get $W0) (local.get $i))) (local.get $v)))
                (local.set $i (i32.add (local.get $i) (i32.const 8)))
                (local.set $c (i32.add (local.get $c) (i32.const 1)))
                (br $nextInput)))
            (local.set $v (f64.sub (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $mb0) (i32.shl (local.get $r) (i32.const 3)))))
              (f64.mul (local.get $lr) (local.get $dr))))
            (f64.store (i32.add (local.get $mb0) (i32.shl (local.get $r) (i32.const 3))) (local.get $v))
            (f64.store (i32.add (local.get $b0) (i32.shl (local.get $r) (i32.const 3)))
              (f64.add (f64.load (i32.add (local.get $b0) (i32.shl (local.get $r) (i32.const 3)))) (local.get $v)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $nextHidden)))
        (if (i32.eqz (f64.lt (local.get $sum) (f64.const inf)))
          (then
            (f64.store offset=96 (local.get $ctx) (local.get $tss))
            (f64.store offset=104 (local.get $ctx) (local.get $correct))
            (return (i32.sub (i32.const -1) (local.get $position)))))
        (local.set $tss (f64.add (local.get $tss) (local.get $sum)))
        (f64.store (i32.add (local.get $pss) (i32.shl (local.get $p) (i32.const 3))) (local.get $sum))
        (if (local.get $ok) (then (local.set $correct (f64.add (local.get $correct) (f64.const 1)))))
        (local.set $position (i32.add (local.get $position) (i32.const 1)))
        (br $nextPattern)))
    (f64.store offset=96 (local.get $ctx) (local.get $tss))
    (f64.store offset=104 (local.get $ctx) (local.get $correct))
    (local.get $position))
)
