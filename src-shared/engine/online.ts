/** Moved to fast/online.ts; this entry keeps the old import path working while other branches still use it. */
export * from './fast/online';
