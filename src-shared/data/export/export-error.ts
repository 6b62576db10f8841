/**
 * Thrown when an export cannot say what the model is: a format without the construct (tlearn has no ReLU
 * units), or a request the model cannot answer (weights of a model never initialised in a file).
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

/** What an exporter wrote, with what the format could not hold said plainly. */
export interface ExportedText {
  text: string;
  /** Parts of the model the format cannot express and that the file therefore leaves out. */
  notes: string[];
}
