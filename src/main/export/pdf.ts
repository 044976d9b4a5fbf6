// HTML → PDF behind one small interface: the desktop app hands in Electron's printToPDF
// (setPdfRenderer, from src/main/index.ts); the CLI, the browser host and the tests use
// headless Chromium through playwright-core, which is only loaded when a PDF is asked for.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserType } from 'playwright-core';

export interface PdfRenderer {
  /** A PDF of a whole HTML document, A4 with page numbers. */
  htmlToPdf(html: string): Promise<Uint8Array>;
}

export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The flags the tests use too: no sandbox (root in CI), no GPU, nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** $CHROMIUM_PATH, else /usr/bin/chromium; a clear error naming what to install when neither is there. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  const path = configured || DEFAULT_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new PdfUnavailableError(
      configured
        ? `A PDF needs Chromium: CHROMIUM_PATH is '${configured}', but there is no executable there.`
        : 'A PDF needs Chromium and none was found at /usr/bin/chromium. Install it (Debian/Ubuntu: apt-get install chromium) ' +
          'or set CHROMIUM_PATH; the plan is also available as Markdown and HTML.',
    );
  }
}

const FOOTER = `<div style="width:100%;font:8px sans-serif;color:#7b8794;text-align:center;">
  <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export function chromiumPdfRenderer(options: { executablePath?: string } = {}): PdfRenderer {
  return {
    async htmlToPdf(html) {
      const executablePath = options.executablePath ?? findChromium();
      let chromium: BrowserType;
      try {
        ({ chromium } = await import('playwright-core'));
      } catch {
        throw new PdfUnavailableError('A PDF needs the playwright-core package (npm install playwright-core).');
      }
      // A fresh profile each time: no state from a previous run, nothing left behind.
      const profile = mkdtempSync(join(tmpdir(), 'watchbill-pdf-'));
      try {
        const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS });
        try {
          const page = context.pages()[0] ?? (await context.newPage());
          // Nothing in the plan loads from the network; refuse anything that tries.
          await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: '<div></div>',
            footerTemplate: FOOTER,
            margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
          });
        } finally {
          await context.close();
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

let configured: PdfRenderer | null = null;

/** The desktop app supplies Electron's printToPDF here at start. */
export function setPdfRenderer(renderer: PdfRenderer | null): void {
  configured = renderer;
}

export function pdfRenderer(): PdfRenderer {
  return configured ?? chromiumPdfRenderer();
}

/** Whether a PDF can be made here, for the Export screen to offer it or not. */
export function pdfAvailable(): boolean {
  if (configured) return true;
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}
