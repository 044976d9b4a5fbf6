// How a rotation is told apart wherever several are shown (the Team screen's list, the
// calendar's shifts and legend): a letter on its own accent colour, by its place in the lead's
// order. A shift's fill stays its primary's colour; the mark says which rotation it belongs to.
import './rotation-mark.css';

const ACCENTS = ['#1e293b', '#7c3aed', '#0f766e', '#b45309', '#be123c', '#1d4ed8'] as const;

export interface RotationMarkStyle {
  letter: string;
  accent: string;
}

/** The mark of the rotation at `index` in the lead's order of rotations in use. */
export function rotationMarkOf(index: number): RotationMarkStyle {
  const at = Math.max(0, index);
  return { letter: String.fromCharCode(65 + (at % 26)), accent: ACCENTS[at % ACCENTS.length]! };
}

export function RotationMark({ index, muted = false }: { index: number; muted?: boolean }) {
  const { letter, accent } = rotationMarkOf(index);
  return (
    <span
      className={muted ? 'rotation-mark rotation-mark--muted' : 'rotation-mark'}
      style={{ backgroundColor: accent }}
      aria-hidden="true"
    >
      {letter}
    </span>
  );
}
