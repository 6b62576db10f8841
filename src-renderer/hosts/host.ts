/**
 * What the renderer needs from wherever it runs. The app never asks which host it has: Electron (through
 * the preload) and the web build (a Web Worker) each implement this in a few lines.
 */
import type { MessageEndpoint, TrainerCommand } from '../../src-shared/ipc/trainer-protocol';

export interface Host {
  readonly kind: 'electron' | 'web';
  /**
   * Starts (or reaches) the trainer and returns a port to it. Events arrive as untrusted data: the caller
   * validates them with the trainer protocol's schema.
   */
  connectTrainer(): Promise<MessageEndpoint<TrainerCommand>>;
}
