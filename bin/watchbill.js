#!/usr/bin/env node
// The `watchbill` command runs the main process's TypeScript directly in Node (through tsx),
// so the CLI and the browser host need no Electron and no build step of their own.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
