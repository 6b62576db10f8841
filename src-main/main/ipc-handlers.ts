/**
 * The one door for requests from pages: every invoke handler is registered here (lint forbids
 * ipcMain.handle and ipcMain.on anywhere else). A handler runs only for a request from the top frame of a
 * page on the app's own origin, and only with a payload that matches its channel's schema; whatever
 * happens, the page gets `{ result }` or `{ error }`, never an exception across the process boundary.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  channelPayloadSchemas,
  INVOKE_CHANNELS,
  type ChannelPayload,
  type ChannelResults,
  type InvokeChannel,
  type InvokeReply,
} from '../../src-shared/ipc/channels';
import { ipcChannelName } from '../../src-shared/ipc/preload-api';
import type { AppUrlCheck } from './app-origin';

export type ChannelHandler<C extends InvokeChannel> = (
  payload: ChannelPayload<C>,
  event: IpcMainInvokeEvent,
) => ChannelResults[C] | Promise<ChannelResults[C]>;
/** One handler per channel: a channel added to the contract does not compile until main answers it. */
export type ChannelHandlers = { [C in InvokeChannel]: ChannelHandler<C> };

/** Thrown by a handler when the message is for the user as it stands (what went wrong, what to do). */
export class UserFacingError extends Error {}

export function isFromAppPage(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, isAppUrl: AppUrlCheck): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerChannelHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  isAppUrl: AppUrlCheck,
  handlers: ChannelHandlers,
  warn: (message: string) => void = console.warn,
): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), (event, payload: unknown) => answer(channel, handlers[channel], event, payload, isAppUrl, warn));
  }
}

async function answer<C extends InvokeChannel>(
  channel: C,
  handler: ChannelHandler<C>,
  event: IpcMainInvokeEvent,
  payload: unknown,
  isAppUrl: AppUrlCheck,
  warn: (message: string) => void,
): Promise<InvokeReply<C>> {
  if (!isFromAppPage(event, isAppUrl)) {
    warn(`Refused "${channel}" from ${event.senderFrame?.url ?? 'a closed frame'}: not the app's own page.`);
    return { error: `Refused "${channel}": the request did not come from Backprop Lab's own page.` };
  }
  const parsed = channelPayloadSchemas[channel].safeParse(payload);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
    return { error: `Refused a malformed "${channel}" request: ${detail}` };
  }
  try {
    return { result: await handler(parsed.data as ChannelPayload<C>, event) };
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.message };
    warn(`The "${channel}" handler failed: ${(error as Error)?.stack ?? String(error)}`);
    return { error: `Backprop Lab could not complete "${channel}": ${(error as Error)?.message ?? String(error)}` };
  }
}
