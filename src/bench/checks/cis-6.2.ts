import type { BenchCheck } from '../check.js';
import { cisMeta, info, infoFields, unknown } from './host-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '6.2',
    slug: 'ops-container-sprawl',
    title: 'Ensure that container sprawl is avoided',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Stopped containers keep their configuration, volumes and writable layers, and can be restarted with whatever settings they had. An inventory shows what can be removed.',
    remediation: 'Remove containers that are no longer needed (`docker container prune` after review); run short-lived containers with `--rm`.',
    checkExamples: [
      { note: 'inventory', snapshot: {}, expect: 'INFO' },
      { note: 'stopped containers counted', snapshot: infoFields({ Containers: 5, ContainersRunning: 1, ContainersStopped: 4 }), expect: 'INFO' },
      { note: 'no counts', snapshot: { engine: { info: { ok: false, reason: 'timeout' }, containers: { ok: false, reason: 'timeout' } } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const view = context.daemon.info;
    const number = (key: string) => (typeof view?.[key] === 'number' ? (view[key] as number) : undefined);
    let total = number('Containers');
    let running = number('ContainersRunning');
    let paused = number('ContainersPaused');
    let stopped = number('ContainersStopped');
    const listed = context.snapshot.engine.containers;
    if (total === undefined && listed.ok) {
      const states = (listed.value as Array<{ State?: { Status?: unknown } }>).map((c) => c.State?.Status);
      total = states.length;
      running = states.filter((s) => s === 'running' || s === 'restarting').length;
      paused = states.filter((s) => s === 'paused').length;
      stopped = total - running - paused;
    }
    if (total === undefined) return unknown('container counts unavailable: neither /info nor the container list was read');
    const ratio = running && stopped !== undefined ? `; stopped:running = ${(stopped / running).toFixed(2)}` : '';
    return info(`${total} container(s): ${running ?? '?'} running, ${paused ?? '?'} paused, ${stopped ?? '?'} stopped${ratio}`, ['/engine/info#Containers']);
  },
};
