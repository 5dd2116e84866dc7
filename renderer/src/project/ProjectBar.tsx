/** Project controls (name, recent projects, Export…) and the strip with the edit bar or the banner for a moved video. */
import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { client } from '../client/bridge.ts';
import { useApp } from '../store/index.ts';
import { openProjectDir, relocateVideo } from './project-actions.ts';
import { EditBar } from '../edit/EditBar.tsx';
import { ExportDialog, useExportSync } from '../export/ExportDialog.tsx';
import { ImportDialog, useImportSync } from '../import/ImportDialog.tsx';
import { ActionButton } from '../actions/ActionButton.tsx';

function RelocateBanner({ videoPath }: { videoPath: string }) {
  const [path, setPath] = useState('');
  const electron = client.transport === 'electron';
  const browse = async (): Promise<void> => {
    const r = await client.call('app.openDialog', {}).catch(() => ({ path: null }));
    if (r.path) await relocateVideo(r.path);
  };
  return (
    <div className="project-missing" role="alert" data-testid="video-missing">
      <span>
        The video of this project is not at <code>{videoPath}</code> (moved or deleted). Where is it now?
      </span>
      {electron ? (
        <button onClick={() => void browse()}>Locate video…</button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void relocateVideo(path);
          }}
        >
          <input aria-label="New video path" placeholder="/path/to/video.mp4" value={path} onChange={(e) => setPath(e.target.value)} />
          <button type="submit">Relocate</button>
        </form>
      )}
    </div>
  );
}

/** The open project's name, recent projects and Export… (they sit in the toolbar). */
export function ProjectControls() {
  const name = useApp((s) => s.project?.name ?? null);
  const projectId = useApp((s) => s.project?.id ?? null);
  const missing = useApp((s) => s.project?.videoMissing ?? false);
  const recent = useApp(useShallow((s) => s.recentProjects));
  return (
    <>
      <span className="project-name" data-testid="project-name" data-project-id={projectId ?? ''}>{name ? `Project: ${name}` : 'No project'}</span>
      {recent.length > 0 && (
        <select
          aria-label="Recent projects"
          value=""
          onChange={(e) => {
            if (e.target.value) void openProjectDir(e.target.value);
          }}
        >
          <option value="">Recent projects…</option>
          {recent.map((r) => (
            <option key={r.dir} value={r.dir} title={r.dir}>
              {r.name}
            </option>
          ))}
        </select>
      )}
      {name && !missing && (
        <>
          <ActionButton id="import.open" testId="import-open">
            Import…
          </ActionButton>
          <ActionButton id="export.open" testId="export-open">
            Export…
          </ActionButton>
        </>
      )}
    </>
  );
}

/** The strip under the toolbar: the edit bar, or the banner for a moved video. One height either way. */
export function ProjectBar() {
  useExportSync();
  useImportSync();
  const name = useApp((s) => s.project?.name ?? null);
  const missing = useApp((s) => (s.project?.videoMissing ? s.project.videoPath : null));
  return (
    <div className="project-bar" data-testid="project-bar">
      {!name && <span className="muted">Open a video to review and correct its labels</span>}
      {missing !== null && <RelocateBanner videoPath={missing} />}
      {name && !missing && <EditBar />}
      <ExportDialog />
      <ImportDialog />
    </div>
  );
}
