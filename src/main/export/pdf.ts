// HTML → PDF behind one small interface: the desktop app hands in Electron's printToPDF
// (setPdfRenderer, from src/main/index.ts); the CLI, the browser host and the tests use
// headless Chromium through playwright-core, which is only loaded when a PDF is asked for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserType } from 'playwright-core';
import { DomainError } from '../../shared/result';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH, locateChromium } from '../chromium';

export interface PdfRenderer {
  /** A PDF of a whole HTML document, A4 with page numbers. */
  htmlToPdf(html: string): Promise<Uint8Array>;
}

/** No way to print here: the caller gets it as an 'unsupported' refusal that says what to install. */
export class PdfUnavailableError extends DomainError {
  constructor(message: string) {
    super('unsupported', message);
    this.name = 'PdfUnavailableError';
  }
}

/** The Chromium to print with; a clear error naming what to install when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const lookup = locateChromium(env);
  if (lookup.found) return lookup.path;
  throw new PdfUnavailableError(
    lookup.configured
      ? `A PDF needs Chromium: CHROMIUM_PATH is '${lookup.configured}', but there is no executable there.`
      : `A PDF needs Chromium and none was found at ${DEFAULT_CHROMIUM_PATH}. Install it (Debian/Ubuntu: apt-get install chromium) ` +
          'or set CHROMIUM_PATH; the plan is also available as Markdown and HTML.',
  );
}

export const PDF_FOOTER = `<div style="width:100%;font:8px sans-serif;color:#7b8794;text-align:center;">
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
        const context = await chromium.launchPersistentContext(profile, {
          executablePath,
          headless: true,
          args: CHROMIUM_ARGS,
        });
        try {
          const page = context.pages()[0] ?? (await context.newPage());
          // Nothing in the plan loads from the network; refuse anything that tries.
          await page.route('**/*', (route) =>
            route.request().url().startsWith('data:') ? route.continue() : route.abort(),
          );
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: '<div></div>',
            footerTemplate: PDF_FOOTER,
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
