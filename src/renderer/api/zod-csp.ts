// The renderer runs under a Content-Security-Policy without 'unsafe-eval'. Zod probes
// `new Function` when it builds an object schema (to compile faster parsers); the probe's
// error is caught, but the page still records a CSP violation (a securitypolicyviolation
// event). Jitless mode skips the probe. main.tsx imports this first, before any schema is built.
import { config } from 'zod';

config({ jitless: true });
