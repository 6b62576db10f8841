/** The app's version, from package.json (only the field is bundled), for the provenance of saved files. */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
