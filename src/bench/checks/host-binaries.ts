/**
 * Where the container-runtime binaries of the audited daemon are (1.1.14–1.1.18): next to the running
 * containerd (or dockerd), the executables of running shims, and runc resolved on dockerd's PATH.
 * Not a check module. Pure.
 */
import type { EvalContext } from '../check.js';
import type { HostEvidence } from '../snapshot.js';
import { basename, dirname, lookupFile } from './host-common.js';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Candidate paths of binary `name` (containerd or a shim). */
export function binaryCandidates(host: HostEvidence, name: string): string[] {
  const out: string[] = [];
  const containerdExe = host.containerd.ok ? host.containerd.value.exe : undefined;
  const dockerdExe = host.dockerd.ok ? host.dockerd.value.exe : undefined;
  if (name === 'containerd' && containerdExe) return [containerdExe];
  const dir = containerdExe ? dirname(containerdExe) : dockerdExe ? dirname(dockerdExe) : undefined;
  if (dir) out.push(`${dir === '/' ? '' : dir}/${name}`);
  // Executables of running processes with that name (collected by the collector).
  for (const path of Object.keys(host.files)) if (basename(path) === name && !out.includes(path)) out.push(path);
  return out;
}

/** runc as dockerd runs it: `/info.Runtimes.runc.path`, resolved on dockerd's PATH. */
export function runcCandidates(context: EvalContext, host: HostEvidence): { paths: string[]; note?: string } {
  const runtimes = context.daemon.info?.['Runtimes'];
  const runc = runtimes && typeof runtimes === 'object' ? (runtimes as Record<string, { path?: unknown }>)['runc'] : undefined;
  const program = typeof runc?.path === 'string' && runc.path !== '' ? runc.path : 'runc';
  const defaultRuntime = context.daemon.info?.['DefaultRuntime'];
  const note = typeof defaultRuntime === 'string' && defaultRuntime !== 'runc' ? `the default runtime is ${defaultRuntime}, not runc: audit its binary too` : undefined;
  const withNote = (paths: string[]) => (note ? { paths, note } : { paths });
  if (program.startsWith('/')) return withNote([program]);
  const pathVariable = (host.dockerd.ok ? host.dockerd.value.environ?.['PATH'] : undefined) ?? DEFAULT_PATH;
  for (const dir of pathVariable.split(':')) {
    if (!dir.startsWith('/')) continue;
    const candidate = `${dir.replace(/\/$/, '')}/${program}`;
    if (lookupFile(host, candidate).kind === 'file') return withNote([candidate]);
  }
  return withNote([]);
}
