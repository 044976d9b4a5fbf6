// HTML → PDF behind one small interface: the desktop app hands in Electron's printToPDF
// (setPdfRenderer, from src/main/index.ts); the CLI, the browser host and the tests use
// headless Chromium through playwright-core, which is only loaded when a PDF is asked for.
import type { Browser, BrowserType } from 'playwright-core';
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

/** How long a Chromium kept for the next PDF stays open with nothing to print. */
const IDLE_CLOSE_MS = 60_000;

/**
 * One headless Chromium shared by the PDFs made close together: starting it is most of a
 * PDF's time. Each PDF still gets a fresh context (no state from the one before). It closes
 * after a minute idle, and never keeps the process alive (a CLI command ends when it is done).
 */
function sharedChromium(executablePath: string) {
  let browser: Promise<Browser> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let printing = 0;
  const close = () => {
    const closing = browser;
    browser = null;
    void closing?.then((b) => b.close()).catch(() => undefined);
  };
  return {
    close,
    async use<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
      clearTimeout(idle);
      printing += 1;
      if (!browser) {
        let chromium: BrowserType;
        try {
          ({ chromium } = await import('playwright-core'));
        } catch {
          printing -= 1;
          throw new PdfUnavailableError('A PDF needs the playwright-core package (npm install playwright-core).');
        }
        browser = chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
        browser.catch(() => (browser = null));
      }
      try {
        return await work(await browser);
      } finally {
        printing -= 1;
        if (printing === 0) {
          idle = setTimeout(close, IDLE_CLOSE_MS);
          idle.unref();
        }
      }
    },
  };
}

const browsers = new Map<string, ReturnType<typeof sharedChromium>>();

/** Closes the Chromium kept for PDFs: a command that made one ends without waiting for it to idle out. */
export function closePdfBrowsers(): void {
  for (const shared of browsers.values()) shared.close();
  browsers.clear();
}

export function chromiumPdfRenderer(options: { executablePath?: string } = {}): PdfRenderer {
  return {
    async htmlToPdf(html) {
      const executablePath = options.executablePath ?? findChromium();
      let shared = browsers.get(executablePath);
      if (!shared) browsers.set(executablePath, (shared = sharedChromium(executablePath)));
      return shared.use(async (browser) => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
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
      });
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
