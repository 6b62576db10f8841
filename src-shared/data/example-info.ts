/** What the gallery and `cli example` know of a built-in example: its name, what it teaches, how to build it. */
import type { ModelDocument } from '../model/schema';

export interface ExampleInfo {
  id: string;
  title: string;
  /** One paragraph on what it teaches. */
  summary: string;
  /**
   * The slow motion the app opens it at, in epochs a second, so that a run of its defaults takes 5–20 s on
   * screen and a room can watch the curve fall (one of the Display control's choices). Not part of the
   * model: the command line and experiments train at full speed. Absent: full speed.
   */
  displayPace?: number;
  /** The view the app opens it on, when not the training run: 'dynamics', the Representations tab's learning dynamics. */
  opensOn?: 'dynamics';
  build(): ModelDocument;
}
