// Colours the Team form offers; the rules a colour must meet and how a new engineer's colour is
// chosen live in src/shared/domain/colors.ts.
import { colorProblem, distinctColor, readableTextOn } from '../../../shared/domain/colors';

/** A new engineer's colour: the one that looks least like those in use. */
export const unusedColor = distinctColor;

export { colorProblem, readableTextOn };
