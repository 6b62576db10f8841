/**
 * Electron main's entry: a launch with `cli`/`--cli` runs the command line headless and exits; any other
 * starts the desktop app (desktop-app.ts). Both are a few lines of glue around plain modules.
 */
import { app } from 'electron';
import { startDesktopApp } from './desktop-app';
import { runHeadless } from './headless';
import { parseLaunch } from './launch-arguments';

const launch = parseLaunch(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd() });
if (launch.kind === 'cli') void runHeadless(app, launch.args);
else startDesktopApp(launch.documents);
