/**
 * Makes sure there is a Chromium to run: the system's (as on Debian), or Playwright's own, installed here
 * on first use on machines with the network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export default function globalSetup(): void {
  if (existsSync('/usr/bin/chromium') || existsSync(chromium.executablePath())) return;
  console.log('No Chromium found: installing Playwright’s (once).');
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
}
