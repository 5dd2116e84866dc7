/** Project strip: the open project's name, recent projects, and the banner for a moved video. */
import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { client } from '../client/bridge.ts';
import { useApp } from '../store/index.ts';
import { openProjectDir, relocateVideo } from './project-actions.ts';
import { EditBar } from '../edit/EditBar.tsx';
import { useEditKeyboard } from '../edit/use-edit-keyboard.ts';
import { ExportDialog, useExportSync } from '../export/ExportDialog.tsx';
import { openExportDialog } from '../export/export-actions.ts';

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

export function ProjectBar() {
  useEditKeyboard();
  useExportSync();
  const name = useApp((s) => s.project?.name ?? null);
  const projectId = useApp((s) => s.project?.id ?? null);
  const missing = useApp((s) => (s.project?.videoMissing ? s.project.videoPath : null));
  const recent = useApp(useShallow((s) => s.recentProjects));
  return (
    <div className="project-bar" data-testid="project-bar">
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
        <button onClick={openExportDialog} title="Export labels" data-testid="export-open">
          Export…
        </button>
      )}
      {missing !== null && <RelocateBanner videoPath={missing} />}
      {name && !missing && <EditBar />}
      <ExportDialog />
    </div>
  );
}
