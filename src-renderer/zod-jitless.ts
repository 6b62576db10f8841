/**
 * Must be imported before anything that defines a zod schema. Zod compiles fast parsers with
 * `new Function`, which the app's Content-Security-Policy (no 'unsafe-eval') forbids; even zod's caught
 * probe is reported as a CSP violation on the console. Jitless parsing is plenty fast for our messages.
 */
import { z } from 'zod';

z.config({ jitless: true });
