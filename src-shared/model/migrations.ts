/**
 * Older model documents brought up to the current format on load, one version at a time, so a file written
 * today still opens in five years. Every migration added here comes with a test and a committed fixture of
 * the old version.
 */
import { MODEL_VERSION } from './schema';

export interface Migration {
  /** Turns a document of version `from` into one of version `from + 1`. */
  from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

export const migrations: readonly Migration[] = [
  // Version 2 added the optional `experiment` section: a version-1 document is a version-2 one without it.
  { from: 1, migrate: (document) => document },
  // Version 3 added `projections` (and `links`): absent, they mean the chain every version-2 network is, and
  // a chain's state (W^j, b_{j+1}) is already per projection and per non-input layer, so nothing changes.
  { from: 2, migrate: (document) => document },
  // Version 4 added recurrent networks: sequences (a pattern's `reset` mark), a link's `initial` value, the
  // `recurrence` section and the state's `recurrent` part. A version-3 file with links was refused on load,
  // so every version-3 file that loaded is a network without recurrence, whose meaning and state are unchanged.
  { from: 3, migrate: (document) => document },
  // Version 5 added snapshots: the training settings' optional `snapshots` schedule and the state's optional
  // `snapshots` list. A version-4 file has neither — a run that kept no snapshots — and means what it meant.
  { from: 4, migrate: (document) => document },
  // Version 6 added the optional `damage` record (lesions, scaling, noise). A version-5 file has none: a lesion
  // the command line made then is written in the network itself (its "NAME (lesioned)" layer) and its description.
  { from: 5, migrate: (document) => document },
];

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; migratedFrom: number | null }
  | { ok: false; message: string };

export function migrateToCurrent(
  document: Record<string, unknown>,
  steps: readonly Migration[] = migrations,
  current: number = MODEL_VERSION,
): MigrationResult {
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `is ${JSON.stringify(version)}: expected a whole format version number` };
  }
  if (version > current) {
    return { ok: false, message: `is ${version}: the file was written by a newer Backprop Lab (this one reads versions up to ${current}); update the app to open it` };
  }
  let migrated = document;
  for (let from = version; from < current; from++) {
    const step = steps.find((m) => m.from === from);
    if (!step) return { ok: false, message: `is ${version}, and no migration from version ${from} exists` };
    migrated = { ...step.migrate(migrated), version: from + 1 };
  }
  return { ok: true, document: migrated, migratedFrom: version === current ? null : version };
}
