/** The app's version, from package.json (bundled into main; read by tsx for the command line). */
import packageJson from '../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
