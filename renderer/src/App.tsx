import { Toolbar } from './components/Toolbar.tsx';
import { Timeline } from './components/Timeline.tsx';
import { FrameCounter } from './components/FrameCounter.tsx';
import { InfoPanel } from './components/InfoPanel.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { Viewer } from './viewer/Viewer.tsx';
import { useKeyboard } from './app/use-keyboard.ts';
import { usePlayback } from './app/use-playback.ts';

export function App() {
  useKeyboard();
  usePlayback();
  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        <Viewer />
        <InfoPanel />
      </main>
      <section className="transport">
        <FrameCounter />
        <Timeline />
      </section>
      <StatusBar />
    </div>
  );
}
