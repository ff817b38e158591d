import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './api/queries.ts';
import { SessionProvider } from './api/session.tsx';
import { App } from './app.tsx';
import './styles.scss';

/**
 * The API's address comes from /config.json beside the page, so one build serves every stage.
 * index.html preloads it, so it arrives with the script; it is served `no-store` (never kept in
 * the HTTP cache), and this request is the one the preload answers (same mode, no cache override).
 */
const start = async () => {
  const root = createRoot(document.getElementById('root')!);
  try {
    const config = (await (await fetch('/config.json')).json()) as { apiUrl: string };
    root.render(
      <StrictMode>
        <BrowserRouter>
          <QueryClientProvider client={createQueryClient()}>
            <SessionProvider apiUrl={config.apiUrl.replace(/\/$/, '')}>
              <App />
            </SessionProvider>
          </QueryClientProvider>
        </BrowserRouter>
      </StrictMode>,
    );
  } catch {
    root.render(
      <main id="main">
        <h1>The portal is unavailable</h1>
        <p>Its configuration could not be loaded. Try again in a few minutes.</p>
      </main>,
    );
  }
};

void start();
