;; The last part of the kernels' module (block-kernels.wat begins it): the divergence check, the output
;; deltas, the bias update and the classic online step.
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

  ;; Squared error on logistic outputs (losses.ts's outputDeltas) for `rows` patterns of `units`
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
        ;; Output deltas, pss and correctness (losses.ts's outputDeltas, squared error on logistic outputs).
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
