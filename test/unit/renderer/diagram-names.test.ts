/** The diagram's labels: a part a lesion split off a layer is written "(lesioned)", so its row stays narrow and its units clickable. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { layerDetail } from '../../../src-renderer/network/describe-network';
import { diagramNames } from '../../../src-renderer/network/diagram-names';
import { networkLayout } from '../../../src-renderer/network/network-layout';

/** The builder's diagram (330 px wide) of the model, with these names written. */
const layoutWith = (model: ModelDocument, names: readonly string[]) =>
  networkLayout(model.layers.map((layer, j) => ({ ...layer, name: names[j] })), { maxWidth: 330, details: model.layers.map(layerDetail), projections: model.projections });

describe('the names the network diagram writes', () => {
  const rumelhart = findExample('rumelhart-graph')!.build();
  const once = lesionUnits(rumelhart, 2, [0, 3, 4, 6]);
  const twice = lesionUnits(lesionUnits(once, 2, [1]), 5, [0, 1]);

  it('shortens only a lesioned part beside the layer it came from', () => {
    expect(diagramNames(once.layers)).toEqual(['item', 'relation', 'representation', '(lesioned)', 'hidden', 'attributes']);
    expect(twice.layers.map((l) => l.name)).toEqual(['item', 'relation', 'representation', 'representation (lesioned 2)', 'representation (lesioned)', 'hidden', 'hidden (lesioned)', 'attributes']);
    expect(diagramNames(twice.layers)).toEqual(['item', 'relation', 'representation', '(lesioned 2)', '(lesioned)', 'hidden', '(lesioned)', 'attributes']);
    // A layer merely named so, with no layer of the name before it, keeps its name.
    const named = rumelhart.layers.map((l, j) => (j === 4 ? { ...l, name: 'cortex (lesioned)' } : l));
    expect(diagramNames(named)[4]).toBe('cortex (lesioned)');
  });

  /** A unit's radius on screen: the drawing is scaled down to the 330 px it is given (max-width: 100%). */
  const onScreen = (layout: ReturnType<typeof layoutWith>) => layout.radius * Math.min(1, 330 / layout.width);

  it('keeps the units of a split network large enough to click', () => {
    const intact = onScreen(layoutWith(rumelhart, rumelhart.layers.map((l) => l.name)));
    const full = onScreen(layoutWith(once, once.layers.map((l) => l.name)));
    const short = onScreen(layoutWith(once, diagramNames(once.layers)));
    expect(short).toBeGreaterThan(full);
    // A 12 px target at least (it was 2 px: the units shrank to make room the long name took anyway).
    expect(short).toBeGreaterThanOrEqual(6);
    expect(intact).toBeGreaterThanOrEqual(short);
    // Lesioned twice over, four names on one row: still larger than with the full names.
    expect(onScreen(layoutWith(twice, diagramNames(twice.layers)))).toBeGreaterThan(onScreen(layoutWith(twice, twice.layers.map((l) => l.name))));
  });
});
