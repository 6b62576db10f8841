/**
 * The small lecture examples open at a pace a room can watch: a run to the criterion of their defaults takes
 * 5–20 seconds on screen, at one of the Display control's own choices. The pace belongs to the example as
 * the app shows it, not to the model: the command line and experiments train it at full speed.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { choiceForPace } from '../../../src-renderer/shared/trainer/display-gate';

const LECTURE = ['xor', 'and', 'or', 'pattern-associator', 'encoder-8-3-8'];

describe('the lecture examples’ display pace', () => {
  for (const id of LECTURE) {
    it(`${id}: a run of its defaults takes 5–20 s on screen, at a pace the Display control offers`, () => {
      const example = findExample(id)!;
      const pace = example.displayPace;
      expect(pace, `${id} has a display pace`).toBeTypeOf('number');
      expect(choiceForPace(pace!), `the Display control offers ${pace} epochs/s`).not.toBeNull();
      const model = example.build();
      expect(JSON.stringify(model)).not.toMatch(/pace/i);
      const simulation = new Simulation(model);
      let outcome;
      do outcome = simulation.advance(1_000_000); while (!outcome.stop);
      const seconds = simulation.epoch / pace!;
      expect(seconds).toBeGreaterThanOrEqual(5);
      expect(seconds).toBeLessThanOrEqual(20);
    });
  }
});
