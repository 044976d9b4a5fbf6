// The desktop app prints the plan with Electron's own Chromium (printToPDF) instead of an
// external browser: a hidden, sandboxed window without scripts or preload renders the HTML.
import { PDF_FOOTER, type PdfRenderer } from './export/pdf';
import { openWindow } from './security';

/** The plan is printed where it was loaded: it may not navigate anywhere, not even to the app. */
const nowhere = () => false;

export const electronPdfRenderer: PdfRenderer = {
  async htmlToPdf(html) {
    const window = openWindow({ show: false, webPreferences: { javascript: false } }, nowhere);
    try {
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: PDF_FOOTER,
        margins: { top: 0.63, bottom: 0.71, left: 0.59, right: 0.59 },
      });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
    }
  },
};
