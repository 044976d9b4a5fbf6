// The Today summary: who is on call now and next, coming holidays and warnings.
import type { TodayView } from '../../views';
import { todayArgs } from '../schemas';
import { returns } from './define';

export const todayChannels = {
  'today:get': { args: todayArgs, result: returns<TodayView>() },
} as const;
