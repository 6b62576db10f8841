/**
 * The seed of replication r: (base + r) mod 2^32. The same in every host (integer arithmetic, no platform
 * random source), and the same r gets the same seed in every condition: paired simulated subjects, so two
 * conditions that share an architecture start from the same initial weights (common random numbers), and
 * run r can be re-created in the workbench by typing one seed.
 */
export function replicationSeed(baseSeed: number, replication: number): number {
  return (baseSeed + replication) % 2 ** 32;
}
