import { config } from 'zod/v4/core';

// Zod probes for eval support with `new Function` before compiling fast object parsers; the
// CSP forbids eval, so the probe would be reported as a violation on every form. Browsers
// parse small forms, where the interpreted parser is fast enough.
config({ jitless: true });
