// First: zod must be configured before any schema is defined (see zod-jitless.ts).
import './zod-jitless';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { pickHost } from './hosts/index';
import { FileCommands } from './files/file-commands.svelte';
import { Theme } from './shell/theme.svelte';
import { Workspace } from './shared/document/workspace.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount Backprop Lab in.');
const workspace = new Workspace(await pickHost());
const files = new FileCommands(workspace);
mount(App, { target, props: { workspace, files, theme: new Theme() } });
void files.start();
