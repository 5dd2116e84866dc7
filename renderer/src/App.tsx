import { Toolbar } from './components/Toolbar.tsx';
import { Timeline } from './components/Timeline.tsx';
import { FrameCounter } from './components/FrameCounter.tsx';
import { InfoPanel } from './components/InfoPanel.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { ReconnectScreen } from './components/ReconnectScreen.tsx';
import { Viewer } from './viewer/Viewer.tsx';
import { SidePanel } from './workspace/run/SidePanel.tsx';
import type { DragEvent } from 'react';
import { openDroppedFile } from './app/actions.ts';
import { useKeyboard } from './app/use-keyboard.ts';
import { usePlayback } from './app/use-playback.ts';
import { useProjectSync } from './project/use-project-sync.ts';
import { ProjectBar } from './project/ProjectBar.tsx';

/** A file dropped anywhere on the window opens (the desktop app knows its path; the browser cannot). */
function onDrop(e: DragEvent<HTMLDivElement>): void {
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) openDroppedFile(file);
}

export function App() {
  useKeyboard();
  usePlayback();
  useProjectSync();
  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <Toolbar />
      <ProjectBar />
      <main className="workspace">
        <Viewer />
        <SidePanel />
        <InfoPanel />
      </main>
      <section className="transport">
        <FrameCounter />
        <Timeline />
      </section>
      <StatusBar />
      <ReconnectScreen />
    </div>
  );
}
