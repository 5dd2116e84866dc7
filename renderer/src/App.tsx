import { Toolbar } from './components/Toolbar.tsx';
import { Timeline } from './components/Timeline.tsx';
import { FrameCounter } from './components/FrameCounter.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { ReconnectScreen } from './components/ReconnectScreen.tsx';
import { Viewer } from './viewer/Viewer.tsx';
import { SidePanel } from './workspace/run/SidePanel.tsx';
import type { DragEvent } from 'react';
import { openDroppedFile } from './app/actions.ts';
import { useShortcuts } from './actions/use-shortcuts.ts';
import { usePlayback } from './app/use-playback.ts';
import { useProjectSync } from './project/use-project-sync.ts';
import { ProjectBar } from './project/ProjectBar.tsx';
import { ShortcutSheet } from './help/ShortcutSheet.tsx';
import { ClassEditor } from './classes/ClassEditor.tsx';

/** A file dropped anywhere on the window opens (the desktop app knows its path; the browser cannot). */
function onDrop(e: DragEvent<HTMLDivElement>): void {
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) openDroppedFile(file);
}

export function App() {
  useShortcuts();
  usePlayback();
  useProjectSync();
  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <Toolbar />
      <ProjectBar />
      <main className="workspace">
        <Viewer />
        <SidePanel />
      </main>
      <section className="transport">
        <FrameCounter />
        <Timeline />
      </section>
      <StatusBar />
      <ShortcutSheet />
      <ClassEditor />
      <ReconnectScreen />
    </div>
  );
}
