import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startApp } from './app/actions.ts';
import { startPlayheadHints } from './app/playhead-hint.ts';
import { startConnection } from './client/connection.ts';
import './styles.css';

startConnection();
startPlayheadHints();
void startApp();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
