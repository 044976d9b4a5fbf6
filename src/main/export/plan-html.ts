// The plan as a printable HTML page: the Markdown rendered by marked, with a stylesheet made
// for paper (A4 and Letter), and raw HTML refused: the Markdown builder escapes user text
// already, and should anything slip through it is shown as text, never run.
import { Marked } from 'marked';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const markdown = new Marked({
  gfm: true,
  // GFM would turn any http://…, www.… or e-mail in a name or a reason into a live link (a
  // name such as =HYPERLINK("http://x","y") included). Only the builder's own <url> links,
  // the dashboards, may be links; everything a person typed stays text.
  tokenizer: { url: () => undefined },
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

export const PRINT_STYLESHEET = `
@page { size: A4; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 190mm; color: #1f2933; background: #fff;
  font: 10pt/1.45 "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 4pt; color: #0b3a5b; }
h1 + p { margin-top: 0; color: #52606d; font-size: 9pt; }
h2 {
  font-size: 13.5pt; margin: 18pt 0 6pt; padding-bottom: 3pt; color: #0b3a5b;
  border-bottom: 1.5pt solid #0b3a5b; break-after: avoid;
}
h3 { font-size: 11.5pt; margin: 14pt 0 4pt; color: #102a43; break-after: avoid; }
h4 { font-size: 10pt; margin: 9pt 0 3pt; color: #334e68; text-transform: uppercase; letter-spacing: .04em; break-after: avoid; }
h5 { font-size: 10pt; margin: 8pt 0 2pt; color: #102a43; break-after: avoid; }
p { margin: 4pt 0 6pt; }
ul, ol { margin: 3pt 0 6pt; padding-left: 16pt; }
li { margin: 1.5pt 0; }
li > ol { margin-top: 2pt; }
/* A label with its list ("Resolution:" and its steps) stays on one page; nothing ends a page
   with a heading or a label whose content is on the next. */
li:has(> ol, > ul) { break-inside: avoid; }
h2, h3, h4, h5 { break-inside: avoid; }
strong { color: #102a43; }
a { color: #0b5cab; text-decoration: none; word-break: break-all; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 8.6pt; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #e4edf5; color: #102a43; text-align: left; font-weight: 600; }
th, td { border: 0.6pt solid #bcccdc; padding: 3.5pt 5pt; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f7fafc; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
@media screen { body { padding: 24px; } }
`;

/** A whole HTML document for the plan: its title, the print stylesheet and the rendered Markdown. */
export function planHtml(markdownText: string, title: string): string {
  const body = markdown.parse(markdownText, { async: false });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The page runs no script and loads nothing: it is read and printed, nothing else.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PRINT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
