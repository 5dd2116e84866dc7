/**
 * What the status bar says about the connection and saving (pure, unit-tested). It never says
 * "saved" while an edit is unacknowledged: queued or in-flight edits read "Saving…" when
 * connected and "Offline" otherwise, a refused edit reads as an error until a later one is saved.
 */
import type { LinkState } from '../client/browser-bridge.ts';
import type { SaveState } from '../client/outbox.ts';

export type IndicatorKind = 'connecting' | 'connected' | 'saving' | 'saved' | 'offline' | 'error';

export interface Indicator {
  kind: IndicatorKind;
  text: string;
  /** Longer explanation (tooltip). */
  detail: string;
}

const edits = (n: number) => `${n} edit${n === 1 ? '' : 's'}`;

export function saveIndicator(link: LinkState, save: SaveState): Indicator {
  const queued = save.pending;
  const kept = save.storeProblem ? ' (kept in this page only: do not close it)' : ' (kept in this browser)';
  if (link === 'unauthorized') {
    return { kind: 'error', text: queued ? `Not connected · ${edits(queued)} waiting` : 'Not connected', detail: 'The review host refused this page\'s token.' + (queued ? ` ${edits(queued)} waiting${kept}.` : '') };
  }
  if (link === 'offline' || (link === 'connecting' && queued > 0)) {
    return { kind: 'offline', text: queued ? `Offline · ${edits(queued)} queued` : 'Offline', detail: `The review host cannot be reached; retrying.${queued ? ` ${edits(queued)} will be sent when it is back${kept}.` : ''}` };
  }
  if (link === 'connecting') return { kind: 'connecting', text: 'Connecting…', detail: 'Connecting to the backend.' };
  if (queued > 0) return { kind: 'saving', text: `Saving ${edits(queued)}…`, detail: 'Edits are being saved in order.' };
  if (save.failed) return { kind: 'error', text: 'Edit not saved', detail: `The last edit was refused: ${save.failed}` };
  if (save.sent > 0) return { kind: 'saved', text: 'All changes saved', detail: 'Every edit is saved in the project.' };
  return { kind: 'connected', text: 'Connected', detail: 'Connected to the backend.' };
}
