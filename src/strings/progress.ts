/**
 * What a running submission says (its progress, Cancel, and whether to stop waiting for an image paid for), and what
 * one that failed offers (Try again, Dismiss).
 */
import { TheProvider } from './words.js';

export const sending = () => 'Sending';
export const progressLabel = () => 'Generation progress';
export const cancel = () => 'Cancel';
export const stopWaitingQuestion = (provider: string, billed: string) =>
  `${TheProvider(provider)} has already charged ${billed} for this and finishes it whatever this page does. Stop waiting? It is still saved here when it is done.`;
export const stopWaiting = () => 'Stop waiting';
export const resuming = () => 'Finishing a paid image from your earlier visit';
export const keepWaiting = () => 'Keep waiting';
export const retry = () => 'Try again';
export const dismiss = () => 'Dismiss';
export const elapsed = (seconds: number) =>
  seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
