/** Placeholder until the Resampler interface lands (src/prep/resampler.ts). */
export function isResampler(e: unknown): e is { kind: string } {
  return typeof (e as { fitResample?: unknown }).fitResample === 'function';
}
