/**
 * The item × attribute tables of the semantic-cognition examples: docs/science.md's four items, and Rumelhart
 * & Todd's (1993) eight living things with their four relations, as reproduced by McClelland & Rogers
 * (2003, Fig. 3) with "big" for their "tall".
 */
import type { Pattern } from '../model/schema';

function oneHot(size: number, index: number): number[] {
  return Array.from({ length: size }, (_, i) => (i === index ? 1 : 0));
}

/** docs/science.md's example: canary, salmon, oak, rose × grow, move, roots, fly, swim, leaves, petals. */
export function fourItems(): { itemNames: string[]; attributeNames: string[]; patterns: Pattern[] } {
  const itemNames = ['canary', 'salmon', 'oak', 'rose'];
  const attributeNames = ['grow', 'move', 'roots', 'fly', 'swim', 'leaves', 'petals'];
  const has: Record<string, string[]> = {
    canary: ['grow', 'move', 'fly'],
    salmon: ['grow', 'move', 'swim'],
    oak: ['grow', 'roots', 'leaves'],
    rose: ['grow', 'roots', 'petals'],
  };
  const patterns = itemNames.map((item, i) => ({
    name: item,
    input: oneHot(itemNames.length, i),
    target: attributeNames.map((a) => (has[item].includes(a) ? 1 : 0)),
  }));
  return { itemNames, attributeNames, patterns };
}

const items = ['pine', 'oak', 'rose', 'daisy', 'robin', 'canary', 'sunfish', 'salmon'] as const;
const relations = ['isa', 'is', 'can', 'has'] as const;
const attributes = [
  'living thing', 'plant', 'animal', 'tree', 'flower', 'bird', 'fish', // isa
  'pretty', 'big', 'living', 'green', 'red', 'yellow', // is
  'grow', 'move', 'swim', 'fly', 'sing', // can
  'bark', 'petals', 'wings', 'feathers', 'scales', 'gills', 'roots', 'skin', // has
] as const;
type Item = (typeof items)[number];
type Relation = (typeof relations)[number];
type Attribute = (typeof attributes)[number];

const table: Record<Item, Record<Relation, Attribute[]>> = {
  pine: { isa: ['living thing', 'plant', 'tree'], is: ['big', 'living', 'green'], can: ['grow'], has: ['bark', 'roots'] },
  oak: { isa: ['living thing', 'plant', 'tree'], is: ['big', 'living'], can: ['grow'], has: ['bark', 'roots'] },
  rose: { isa: ['living thing', 'plant', 'flower'], is: ['pretty', 'living', 'red'], can: ['grow'], has: ['petals', 'roots'] },
  daisy: { isa: ['living thing', 'plant', 'flower'], is: ['pretty', 'living', 'yellow'], can: ['grow'], has: ['petals', 'roots'] },
  robin: { isa: ['living thing', 'animal', 'bird'], is: ['living', 'red'], can: ['grow', 'move', 'fly'], has: ['wings', 'feathers', 'skin'] },
  canary: { isa: ['living thing', 'animal', 'bird'], is: ['living', 'yellow'], can: ['grow', 'move', 'fly', 'sing'], has: ['wings', 'feathers', 'skin'] },
  sunfish: { isa: ['living thing', 'animal', 'fish'], is: ['living', 'yellow'], can: ['grow', 'move', 'swim'], has: ['scales', 'gills', 'skin'] },
  salmon: { isa: ['living thing', 'animal', 'fish'], is: ['living', 'red'], can: ['grow', 'move', 'swim'], has: ['scales', 'gills', 'skin'] },
};

export interface LivingThings {
  itemNames: string[];
  relationNames: string[];
  attributeNames: string[];
  /** Item (8 units, one-hot) then relation (4 units, one-hot) → the attributes that hold: 32 patterns. */
  patterns: Pattern[];
  /** Item (one-hot) → every attribute it has under any relation: 8 patterns. */
  itemAttributes: Pattern[];
}

export function eightLivingThings(): LivingThings {
  const encode = (holds: readonly Attribute[]) => attributes.map((a) => (holds.includes(a) ? 1 : 0));
  const patterns: Pattern[] = [];
  items.forEach((item, i) => {
    relations.forEach((relation, r) => {
      patterns.push({
        name: `${item} ${relation}`,
        input: [...oneHot(items.length, i), ...oneHot(relations.length, r)],
        target: encode(table[item][relation]),
      });
    });
  });
  const itemAttributes = items.map((item, i) => ({
    name: item,
    input: oneHot(items.length, i),
    target: encode(relations.flatMap((relation) => table[item][relation])),
  }));
  return { itemNames: [...items], relationNames: [...relations], attributeNames: [...attributes], patterns, itemAttributes };
}
