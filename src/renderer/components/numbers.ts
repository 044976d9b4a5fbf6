// How fairness figures are shown: one decimal, a sign on differences, a real minus sign.

export function fixed(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toFixed(digits);
  return rounded < 0 ? `−${text}` : text;
}

/** '+1.5', '−0.5', '0.0'. */
export function signed(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return rounded > 0 ? `+${rounded.toFixed(digits)}` : `−${Math.abs(rounded).toFixed(digits)}`;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
