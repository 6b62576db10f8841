/**
 * Strict number reading. `Number()` and `parseFloat` accept too much ("", "0x1F", "12abc", "Infinity"), and a
 * pattern value the user did not mean is worse than an error that points at it.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number `text` spells, or null. */
export function readNumber(text: string, decimalComma = false): number | null {
  if (decimalComma) {
    if (!DECIMAL_COMMA.test(text)) return null;
    text = text.replace(',', '.');
  } else if (!DECIMAL.test(text)) {
    return null;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A whole number from `min` to `max`, or null. */
export function readWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\+?\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
}
