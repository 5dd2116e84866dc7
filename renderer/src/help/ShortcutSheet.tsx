/**
 * The shortcut sheet (? opens and closes it, Esc closes it): every action of the registry by
 * group, with its keys. It is also a menu: clicking an enabled action runs it.
 */
import { useShallow } from 'zustand/shallow';
import { ACTIONS, runAction } from '../actions/registry.ts';
import { isEnabled, keysLabel } from '../actions/dispatch.ts';
import type { ActionGroup } from '../actions/types.ts';
import { appStore, useApp } from '../store/index.ts';

const GROUPS: ActionGroup[] = ['Playback', 'View', 'Overlays', 'Editing', 'Project', 'Help'];

export function ShortcutSheet() {
  const open = useApp((s) => s.sheetOpen);
  // Re-render when what is enabled changes while the sheet is open.
  const enabled = useApp(useShallow((s) => (open ? ACTIONS.map((a) => isEnabled(a, s)) : [])));
  if (!open) return null;
  const close = () => appStore.getState().setSheetOpen(false);
  return (
    <div className="modal-backdrop" onClick={close}>
      <div className="modal shortcut-sheet" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="shortcut-sheet" onClick={(e) => e.stopPropagation()}>
        <header className="sheet-head">
          <h2>Keyboard shortcuts</h2>
          <button className="link" onClick={close} aria-label="Close">
            ×
          </button>
        </header>
        <p className="muted">Keys work whenever the focus is not in a text field. Click an action to run it.</p>
        <div className="sheet-groups">
          {GROUPS.map((g) => (
            <section key={g}>
              <h3>{g}</h3>
              <ul>
                {ACTIONS.map((a, i) =>
                  a.group !== g ? null : (
                    <li key={a.id}>
                      <button
                        className="sheet-row"
                        data-testid="shortcut-row"
                        data-action={a.id}
                        data-keys={keysLabel(a)}
                        disabled={!enabled[i]}
                        onClick={() => {
                          close();
                          if (a.id !== 'help.shortcuts' && a.id !== 'help.close') runAction(a.id, 'menu');
                        }}
                      >
                        <span>{a.label}</span>
                        <kbd>{keysLabel(a) || '—'}</kbd>
                      </button>
                    </li>
                  ),
                )}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
