/**
 * CIS Docker Benchmark id maps (audit spec §0.8). Checks carry their v1.6.0 id; other versions are derived:
 * in 1.5.0 swarm mode was 7.1 (1.6.0 moved it to 5.1), so 1.5.0 5.1–5.31 are 1.6.0 5.2–5.32 and 1.5.0
 * 7.2–7.10 are 1.6.0 7.1–7.9. Sections 1–4, 6 and community ids are unchanged.
 */

export type BenchmarkVersion = '1.5.0' | '1.6.0';

export const BENCHMARK_VERSIONS: readonly BenchmarkVersion[] = ['1.5.0', '1.6.0'];

export function isBenchmarkVersion(value: string): value is BenchmarkVersion {
  return (BENCHMARK_VERSIONS as readonly string[]).includes(value);
}

function split(id: string): { section: number; number: number } | undefined {
  const match = /^([57])\.(\d+)$/.exec(id);
  return match ? { section: Number(match[1]), number: Number(match[2]) } : undefined;
}

/** The id a v1.6.0 check has in `benchmark`. */
export function idInBenchmark(id16: string, benchmark: BenchmarkVersion): string {
  if (benchmark === '1.6.0') return id16;
  const parts = split(id16);
  if (!parts) return id16;
  if (parts.section === 5) return parts.number === 1 ? '7.1' : `5.${parts.number - 1}`;
  return `7.${parts.number + 1}`;
}

/** The v1.6.0 id of an id written in `benchmark` (undefined when that version has no such id shape). */
export function idFromBenchmark(id: string, benchmark: BenchmarkVersion): string {
  if (benchmark === '1.6.0') return id;
  const parts = split(id);
  if (!parts) return id;
  if (parts.section === 5) return `5.${parts.number + 1}`;
  return parts.number === 1 ? '5.1' : `7.${parts.number - 1}`;
}

/** Numeric-aware comparison of dotted ids (`5.2` < `5.10`; community `C.*` last). */
export function compareIds(a: string, b: string): number {
  const key = (id: string): number[] => (id.startsWith('C.') ? [1000, ...id.slice(2).split('.').map(Number)] : id.split('.').map(Number));
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
