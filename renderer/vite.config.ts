import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The folder of this file, without node imports (the renderer tsconfig has DOM types only).
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One script and one stylesheet: the review host adds its token to each asset URL in index.html.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
  },
});
