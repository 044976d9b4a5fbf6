// Fixes for clash warnings: ranked cover and swap options, applied through schedule:apply.
import type { ClashFixes } from '../../domain/clash-fixes';
import { clashFixesArgs } from '../clash-schemas';
import { returns } from './define';

export const clashChannels = {
  'clashes:fixes': { args: clashFixesArgs, result: returns<ClashFixes>() },
} as const;
