/**
 * The installers' configuration, checked offline: loaded the way electron-builder loads it, validated
 * against electron-builder's own schema, and each promise of the release held to: the targets per OS, the
 * .bplab association with its icons, and every fuse. Building the installers needs Electron's zip and runs
 * only in the release workflow.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = 'build/electron-builder.yml';
let config: Configuration;

const quietLogger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;

type TargetList = { target: string; arch?: string[] }[];
const targets = (list: unknown) => list as TargetList;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG, null);
});

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('would be refused with a misspelt option (the validation is real)', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachien: true } } as Configuration, quietLogger)).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app and packs the built bundles into an asar', () => {
    expect(config.appId).toBe('org.backproplab.app');
    expect(config.productName).toBe('Backprop Lab');
    expect(config.asar).toBe(true);
    expect(JSON.stringify(config.files)).toContain('"out/**/*"');
    expect(config.directories?.buildResources).toBe('build');
  });

  it('builds a per-machine NSIS installer for Windows', () => {
    expect(targets(config.win?.target)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(existsSync(join(ROOT, 'build/windows/backprop-lab.cmd'))).toBe(true);
  });

  it('builds a dmg for Intel and Apple silicon, hardened, in the education category', () => {
    expect(targets(config.mac?.target)).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac).toMatchObject({
      category: 'public.app-category.education',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      notarize: true,
    });
    expect(existsSync(join(ROOT, config.mac!.entitlements!))).toBe(true);
  });

  it('builds a deb and an AppImage for Linux, in Education and Science', () => {
    expect(targets(config.linux?.target).map((t) => t.target)).toEqual(['deb', 'AppImage']);
    expect(config.linux?.executableName).toBe('backprop-lab');
    expect(config.linux?.desktop?.entry?.Categories).toBe('Education;Science;');
  });

  it('associates .bplab files with the app, with a document icon for each platform', () => {
    const associations = [config.fileAssociations].flat();
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ ext: 'bplab', mimeType: 'application/x-backprop-lab-model', role: 'Editor' });
    for (const extension of ['icns', 'ico']) expect(existsSync(join(ROOT, 'build', `${associations[0]!.icon}.${extension}`)), extension).toBe(true);
    const linuxIcons = (config.deb?.fpm ?? []).map((mapping) => mapping.split('=')[0]);
    expect(linuxIcons.length).toBeGreaterThan(0);
    for (const icon of linuxIcons) expect(existsSync(join(ROOT, icon)), icon).toBe(true);
  });

  it('has the app icons for every platform', () => {
    for (const icon of [config.mac?.icon, config.win?.icon]) expect(existsSync(join(ROOT, 'build', icon!)), icon!).toBe(true);
    for (const size of [16, 32, 48, 128, 256, 512]) expect(existsSync(join(ROOT, 'build', config.linux!.icon!, `${size}x${size}.png`))).toBe(true);
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });
});
