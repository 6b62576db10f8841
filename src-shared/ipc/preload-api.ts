/** The verbs the preload exposes to the renderer on `window[PRELOAD_GLOBAL]`; never ipcRenderer itself. */
export const PRELOAD_GLOBAL = 'backpropLab';

/** The window message that carries the trainer's MessagePort from the preload to the page. */
export const TRAINER_PORT_MESSAGE = 'backprop-lab:trainer-port';

export interface PreloadApi {
  readonly platform: string;
  /** Asks main for a port to the trainer; it arrives as a window message TRAINER_PORT_MESSAGE with one port. */
  requestTrainerPort(): void;
}
