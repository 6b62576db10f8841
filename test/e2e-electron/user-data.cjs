/**
 * Loaded with `-r` before the app's main script (Electron's default app preloads `-r` modules, as it does
 * Playwright's own loader): points app.getPath('userData') at the folder the test named, before the app
 * takes its single-instance lock and reads its preferences there. See electron-app.ts.
 */
const folder = process.env.BACKPROP_LAB_TEST_USER_DATA;
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (folder) require('electron').app.setPath('userData', folder);
