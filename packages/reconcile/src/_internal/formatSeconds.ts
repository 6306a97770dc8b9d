/** A duration in seconds, in the largest unit that keeps it readable. */
export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${s.toFixed(s < 10 && s % 1 !== 0 ? 1 : 0)} s`;
  if (s < 3600) return `${sign}${(s / 60).toFixed(1)} min`;
  if (s < 86_400) return `${sign}${(s / 3600).toFixed(1)} h`;
  return `${sign}${(s / 86_400).toFixed(1)} days`;
}
