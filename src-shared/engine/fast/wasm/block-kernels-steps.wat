;; The third part of the kernels' module (block-kernels.wat begins it, block-kernels-online.wat ends it): step
;; programs. A step program (../step-program.ts writes it) is a list of the small operations of one event's
;; backward pass and of its steps back through time — zero a row, copy one, add one to another, a backward
;; product of one pattern, the logistic units' derivative — run here in one call, so that online BPTT pays
;; one call into WebAssembly per event and its stored events instead of one per operation, and no copying in
;; JavaScript. Each operation is the TypeScript loop's (a[i] = 0, b[i] = a[i], a[i] = a[i] + b[i]) or the
;; kernel that graph-passes.ts calls, in the order it runs them: the same bits.
;;
;; An operation is six 32-bit words: code, a, b, c, n, k. Codes: 0 end; 1 zero n doubles at a; 2 copy n from
;; a to b; 3 add n at b into a; 4 backward (D a, B b, OUT c, one pattern, N n, K k); 5 logistic derivative
;; (act a, delta b, n); 6 copy n from registers[c] + a to b; 7 copy n from a to registers[c] + b; 8 logistic
;; derivative with act at registers[c] + a. A register is a byte offset the caller writes before the call
;; (where a stored event is).
  (func (export "runProgram") (param $at i32) (param $registers i32)
    (local $a i32) (local $b i32) (local $c i32) (local $n i32) (local $k i32) (local $op i32)
    (block $done
      (loop $next
        (local.set $op (i32.load (local.get $at)))
        (local.set $a (i32.load offset=4 (local.get $at)))
        (local.set $b (i32.load offset=8 (local.get $at)))
        (local.set $c (i32.load offset=12 (local.get $at)))
        (local.set $n (i32.load offset=16 (local.get $at)))
        (local.set $k (i32.load offset=20 (local.get $at)))
        (local.set $at (i32.add (local.get $at) (i32.const 24)))
        (block $derivativeIn
        (block $copyOut
          (block $copyIn
            (block $derivative
              (block $backwardOne
                (block $add
                  (block $copy
                    (block $zero
                      (br_table $done $zero $copy $add $backwardOne $derivative $copyIn $copyOut $derivativeIn $done
                        (local.get $op)))
                    (call $zeroRow (local.get $a) (local.get $n))
                    (br $next))
                  (call $copyRow (local.get $a) (local.get $b) (local.get $n))
                  (br $next))
                (call $addRow (local.get $a) (local.get $b) (local.get $n))
                (br $next))
              (call $backward (local.get $a) (local.get $b) (local.get $c) (i32.const 1) (local.get $n) (local.get $k))
              (br $next))
            (call $logisticDerivative (local.get $a) (local.get $b) (local.get $n))
            (br $next))
          (call $copyRow
            (i32.add (i32.load (i32.add (local.get $registers) (i32.shl (local.get $c) (i32.const 2)))) (local.get $a))
            (local.get $b) (local.get $n))
          (br $next))
        (call $copyRow (local.get $a)
          (i32.add (i32.load (i32.add (local.get $registers) (i32.shl (local.get $c) (i32.const 2)))) (local.get $b))
          (local.get $n))
        (br $next))
        (call $logisticDerivative
          (i32.add (i32.load (i32.add (local.get $registers) (i32.shl (local.get $c) (i32.const 2)))) (local.get $a))
          (local.get $b) (local.get $n))
        (br $next))))

  ;; a[i] = +0 for i < n (two at a time, then the last).
  (func $zeroRow (param $a i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (v128.store (local.get $a) (v128.const i64x2 0 0))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $a) (f64.const 0)))))

  ;; to[i] = from[i] for i < n, bit for bit (two at a time, then the last).
  (func $copyRow (param $from i32) (param $to i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $from) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (v128.store (local.get $to) (v128.load (local.get $from)))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (local.set $to (i32.add (local.get $to) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (i64.store (local.get $to) (i64.load (local.get $from))))))

  ;; into[i] = into[i] + from[i] for i < n (two lanes, each its own sum, then the last).
  (func $addRow (param $into i32) (param $from i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $into) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $into) (local.get $end)))
        (v128.store (local.get $into) (f64x2.add (v128.load (local.get $into)) (v128.load (local.get $from))))
        (local.set $into (i32.add (local.get $into) (i32.const 16)))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $into) (f64.add (f64.load (local.get $into)) (f64.load (local.get $from)))))))
