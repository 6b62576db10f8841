// The few globals every host (Node, Web Worker, Electron utility process) provides; src-shared may use
// these and nothing else outside ECMAScript.
declare const performance: { now(): number };
declare function setTimeout(callback: () => void, ms?: number): unknown;
