/**
 * The desktop app: Electron's objects handed to the plain modules beside this file, which the tests
 * drive with fakes. What is here runs only inside Electron (the release workflow's `_electron` tests).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type MessageBoxOptions,
} from 'electron';
import { writeFileAtomic } from '../files/atomic-write';
import { readUtf8File } from '../files/read-text';
import { aboutDialog, citation, citationDialog } from './about';
import { appMenuTemplate, type MenuActions } from './app-menu';
import { appPageCheck, appUrlCheck } from './app-origin';
import { APP_ENTRY_URL, appScheme, serveRenderer } from './app-protocol';
import { createChannelHandlers } from './channel-handlers';
import { applyContentSecurityPolicy, contentSecurityPolicy } from './content-security-policy';
import type { DocumentDisk, WindowDialogs } from './document-files';
import { DocumentWindows } from './document-windows';
import { HELP_LINKS, openHelpLink } from './help-links';
import { HelpWindow } from './help-window';
import { registerChannelHandlers } from './ipc-handlers';
import { OutsideFiles } from './outside-files';
import { PreferencesStore, withRecent, type Theme } from './preferences';
import { finishWritesBeforeQuit } from './quit-after-writes';
import { reloadAfterRendererCrash } from './renderer-recovery';
import { cancelForeignRequests, requestPolicy } from './request-policy';
import { denyPermissions, guardNavigation } from './security';
import { bridgeExperimentWorkers, type ExperimentWorkers } from './experiment-bridge';
import { createExperimentResultsStore, type ExperimentResultsStore } from './experiment-results';
import { bridgeTrainer } from './trainer-bridge';
import type { TrainerSupervisor } from '../../src-shared/trainer/trainer-supervisor';
import { helpWindowOptions, mainWindowOptions } from './window-options';
import { initialPlacement } from './window-placement';

/** The bundles electron.config.ts writes beside this one (out/main, out/preload, out/renderer). */
const bundles = {
  preload: join(import.meta.dirname, '../preload/index.cjs'),
  trainer: join(import.meta.dirname, 'trainer.js'),
  experimentWorker: join(import.meta.dirname, 'experiment-worker.js'),
  renderer: join(import.meta.dirname, '../renderer'),
};
const TRAINER_SERVICE = 'Backprop Lab trainer';
const EXPERIMENT_SERVICE = 'Backprop Lab experiment worker';

const disk: DocumentDisk = {
  size: async (path) => (await stat(path)).size,
  readText: (path) => readUtf8File(path),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  writeAtomic: writeFileAtomic,
};

function dialogsFor(window: BrowserWindow | null): WindowDialogs {
  return window
    ? {
      showOpenDialog: (options) => dialog.showOpenDialog(window, options),
      showSaveDialog: (options) => dialog.showSaveDialog(window, options),
      showMessageBox: (options) => dialog.showMessageBox(window, options),
    }
    : {
      showOpenDialog: (options) => dialog.showOpenDialog(options),
      showSaveDialog: (options) => dialog.showSaveDialog(options),
      showMessageBox: (options) => dialog.showMessageBox(options),
    };
}

function showMessageBox(window: BrowserWindow | null, options: MessageBoxOptions) {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

export function startDesktopApp(documentsToOpen: string[]): void {
  // A second launch hands its files to the first instance ('second-instance') and ends.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  /** Set by `electron-vite dev` only: the renderer then comes from Vite's dev server, with hot reload. */
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  const isAppUrl = appUrlCheck(devServerUrl);
  // The app's one call of shell.openExternal, behind the help-link allow-list; the app's own help pages
  // open in a help window instead.
  const openHelp = (url: string) => openHelpLink({ openExternal: (allowed) => shell.openExternal(allowed), openHelpWindow: showHelp }, url);
  const openExternalHelp = (url: string) => void openHelp(url).catch((error: Error) => console.warn(error.message));
  /** Each window's trainer, by the id of the window's web contents (what an ipc request names). */
  const trainers = new Map<number, TrainerSupervisor>();
  /** Each window's experiment workers, by the same id; all of a window's end when it closes. */
  const experimentWorkers = new Map<number, ExperimentWorkers>();
  let experimentResults: ExperimentResultsStore;
  let preferences: PreferencesStore;

  // Before 'ready': Electron fixes sandboxing and scheme privileges at startup.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([appScheme]);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, isAppUrl, openExternalHelp));

  const windows = new DocumentWindows<BrowserWindow>({
    createWindow,
    platform: process.platform,
    disk,
    dialogs: dialogsFor,
    showMessageBox,
    noteRecent: (path) => {
      app.addRecentDocument(path);
      void preferences.update({ recent: withRecent(preferences.get().recent, path, Date.now()) });
      rebuildMenu();
    },
    quit: () => app.quit(),
  });

  const outsideFiles = new OutsideFiles(windows, documentsToOpen);

  const helpWindow = new HelpWindow(() => new BrowserWindow(helpWindowOptions()));
  function showHelp(url: string): void {
    helpWindow.show(url);
  }

  function createWindow(): BrowserWindow {
    const placement = initialPlacement(
      preferences.get().window,
      screen.getAllDisplays().map((display) => display.workArea),
      BrowserWindow.getAllWindows().map((other) => other.getBounds()),
    );
    const window = new BrowserWindow(mainWindowOptions(bundles.preload, placement));
    if (placement.maximized) window.maximize();
    // The title is main's (document name and unsaved marker), not the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    const contentsId = window.webContents.id;
    const launcher = {
      fork: (modulePath: string) => utilityProcess.fork(modulePath, [], { serviceName: TRAINER_SERVICE }),
      createChannel: () => new MessageChannelMain(),
    };
    trainers.set(contentsId, bridgeTrainer(window, bundles.trainer, launcher));
    experimentWorkers.set(contentsId, bridgeExperimentWorkers(window, bundles.experimentWorker, {
      fork: (modulePath: string) => utilityProcess.fork(modulePath, [], { serviceName: EXPERIMENT_SERVICE }),
      createChannel: () => new MessageChannelMain(),
    }));
    reloadAfterRendererCrash(window.webContents);
    window.on('close', () => void preferences.update({ window: { ...window.getNormalBounds(), maximized: window.isMaximized() } }));
    window.once('closed', () => {
      trainers.delete(contentsId);
      experimentWorkers.delete(contentsId);
      experimentResults?.forget(contentsId);
    });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
    return window;
  }

  const menuActions: MenuActions = {
    newWindow: () => windows.openWindow(),
    open: () => void windows.openFromMenu(windows.focusedWindow()).catch(showError),
    openRecent: (path) => windows.openPath(path),
    clearRecent: () => {
      app.clearRecentDocuments();
      void preferences.update({ recent: [] });
      rebuildMenu();
    },
    command: (command) => windows.sendToFocused(command),
    setTheme: (theme: Theme) => {
      nativeTheme.themeSource = theme;
      void preferences.update({ theme });
      rebuildMenu();
    },
    openHelp: (topic) => openExternalHelp(HELP_LINKS[topic]),
    showCitation: () => {
      const { options, copyButton } = citationDialog(app.getVersion(), new Date().getFullYear());
      void showMessageBox(windows.focusedWindow(), options).then(({ response }) => {
        if (response === copyButton) clipboard.writeText(citation(app.getVersion(), new Date().getFullYear()));
      });
    },
    showAbout: () => void showMessageBox(windows.focusedWindow(), aboutDialog(app.getVersion(), process.versions)),
  };

  function rebuildMenu(): void {
    const { recent, theme } = preferences.get();
    const paths = recent.map((entry) => entry.path);
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, { recent: paths, theme, development: devServerUrl !== undefined }, menuActions)));
  }

  function showError(error: Error): void {
    void showMessageBox(windows.focusedWindow(), { type: 'error', message: 'Backprop Lab could not do that', detail: error.message });
  }

  // macOS sends 'open-file' for a double-clicked model, also before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    outsideFiles.openFile(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => outsideFiles.secondInstance(argv, workingDirectory, Boolean(process.defaultApp)));
  app.on('child-process-gone', (_event, details) => {
    // The window's supervisor restarts the trainer on its 'exit'; this says why it went, for the log.
    if (details.type === 'Utility') console.warn(`${details.name ?? details.serviceName ?? 'A utility process'} is gone: ${details.reason} (exit code ${details.exitCode}).`);
  });
  app.on('before-quit', () => windows.beginQuit());
  // The last window's place, saved as it closed, is on disk before the process ends.
  finishWritesBeforeQuit(app, () => preferences?.settled() ?? Promise.resolve());
  app.on('window-all-closed', () => {
    // macOS keeps the app running with no window, as its apps do.
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    preferences = new PreferencesStore(join(app.getPath('userData'), 'preferences.json'));
    nativeTheme.themeSource = preferences.get().theme;
    app.setAboutPanelOptions({ applicationName: 'Backprop Lab', applicationVersion: app.getVersion(), copyright: 'MIT licence' });

    experimentResults = createExperimentResultsStore({ documentPath: (contentsId) => windows.pathOf(contentsId), dataFolder: join(app.getPath('userData'), 'experiments') });

    const policy = contentSecurityPolicy(devServerUrl);
    serveRenderer(protocol, (fileUrl) => net.fetch(fileUrl), bundles.renderer, policy);
    applyContentSecurityPolicy(session.defaultSession.webRequest, policy, isAppUrl);
    cancelForeignRequests(session.defaultSession.webRequest, requestPolicy(isAppUrl, bundles.renderer, devServerUrl));
    denyPermissions(session.defaultSession);
    registerChannelHandlers(ipcMain, appPageCheck(devServerUrl), createChannelHandlers({
      documents: windows,
      recent: () => preferences.get().recent,
      dialogs: dialogsFor,
      disk,
      connectTrainer: (contentsId) => trainers.get(contentsId)?.connect(),
      openHelp: (topic) => openHelp(HELP_LINKS[topic]),
      experimentWorkers: (contentsId) => experimentWorkers.get(contentsId) ?? null,
      experimentResults,
    }));
    rebuildMenu();

    outsideFiles.start();
    // macOS: clicking the Dock icon with no window open opens one.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) windows.openWindow();
    });
  });
}
