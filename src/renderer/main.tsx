import './api/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';
// Every screen's stylesheet loads with the app, before the app's own, as one file: the
// screens' code loads lazily (screens.tsx), but the cascade stays the same whichever opens first.
import.meta.glob('./features/**/*.css', { eager: true });
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
