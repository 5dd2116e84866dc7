/**
 * The class editor (Shift+C, or Edit in the Classes panel): rename inline, recolour, add, hide and
 * remove classes, undo and redo those changes, and map the shown track's model classes onto the
 * project's. Every change is checked by the backend and saved in project.json at once; a refusal
 * shows its one-line reason.
 */
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { addClass, redoClasses, undoClasses } from './class-actions.ts';
import { ClassMapTable } from './ClassMapTable.tsx';
import { ClassRow } from './ClassRow.tsx';

export function ClassEditor() {
  const open = useApp((s) => s.classesOpen);
  const classes = useApp(useShallow((s) => s.project?.classes ?? []));
  const hidden = useApp(useShallow((s) => s.project?.view.hiddenClasses ?? []));
  const error = useApp((s) => s.classError);
  const undo = useApp((s) => s.classUndo.at(-1)?.label ?? null);
  const redo = useApp((s) => s.classRedo.at(-1)?.label ?? null);
  if (!open) return null;
  const close = () => appStore.getState().setClassesOpen(false);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="modal class-editor" role="dialog" aria-label="Classes" data-testid="class-editor">
        <h2>Classes</h2>
        <div className="class-editor-bar">
          <button data-testid="class-add" onClick={() => void addClass()}>
            Add class
          </button>
          <button data-testid="class-undo" disabled={!undo} title={undo ? `Undo ${undo}` : 'Nothing to undo'} onClick={() => void undoClasses()}>
            Undo
          </button>
          <button data-testid="class-redo" disabled={!redo} title={redo ? `Redo ${redo}` : 'Nothing to redo'} onClick={() => void redoClasses()}>
            Redo
          </button>
        </div>
        <p className="class-error warn" role="alert" data-testid="class-error">
          {error ?? ''}
        </p>
        <ul className="class-rows">
          {classes.map((c) => (
            <ClassRow key={c.id} c={c} hidden={hidden.includes(c.id)} />
          ))}
        </ul>
        <ClassMapTable />
        <div className="modal-buttons">
          <button data-testid="class-editor-close" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
