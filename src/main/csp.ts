// One policy for every way the renderer is delivered: the header of the desktop app's
// app:// responses and of the browser host, and the <meta> that electron.vite.config.ts
// writes into the built index.html, so a page that loses its headers keeps the policy.
/** No eval, no inline script; inline styles are allowed because FullCalendar sets them. */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** Browsers ignore (and warn about) frame-ancestors in a <meta>; only the header can carry it. */
const HEADER_ONLY = ['frame-ancestors'];

export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (directive) => !HEADER_ONLY.includes(directive.split(' ')[0]!),
).join('; ');
