import type { BenchCheck } from '../check.js';
import { securityOption } from '../daemon-config.js';
import { cisMeta, daemonUser, infoFields, manual, pass, PODMAN_EXAMPLE } from './host-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '2.1',
    slug: 'daemon-rootless',
    title: 'Run the Docker daemon as a non-root user, if possible',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale:
      'A daemon running as root turns any daemon or runtime vulnerability into host root. Rootless mode runs dockerd and the containers inside a user namespace of an unprivileged user.',
    remediation: 'Where the workload allows it, install and run Docker in rootless mode (`dockerd-rootless-setuptool.sh install`). User namespace remapping alone is not rootless.',
    checkExamples: [
      { note: 'rootful daemon', snapshot: {}, expect: 'MANUAL' },
      { note: 'rootless daemon', snapshot: infoFields({ SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless'] }), expect: 'PASS' },
      { note: 'dockerd runs as uid 1000', snapshot: { host: { value: { dockerd: { value: { uid: 1000, status: { Uid: '1000\t1000\t1000\t1000' } } } } } }, expect: 'PASS' },
      { note: 'rootful Podman', snapshot: PODMAN_EXAMPLE, expect: 'MANUAL' },
    ],
  }),
  evaluate(context) {
    const view = context.daemon;
    if (securityOption(view.securityOptions, 'rootless')) return pass('the daemon runs rootless', ['/engine/info#SecurityOptions name=rootless']);
    if (view.mode.podman) {
      return view.info?.['Rootless'] === true
        ? pass('Podman runs rootless', ['/engine/info#Rootless'])
        : manual('Podman runs as root: use rootless Podman if possible', ['/engine/info#Rootless']);
    }
    const uid = daemonUser(context).uid;
    if (uid !== undefined && uid !== 0) return pass(`dockerd runs as uid ${uid}`, [`/proc/${view.dockerd.ok ? view.dockerd.value.pid : '?'}/status:Uid`]);
    const why = uid === 0 ? 'dockerd runs as root' : 'the daemon is not rootless per /info';
    return manual(`${why}: run it rootless if possible`, ['/engine/info#SecurityOptions']);
  },
};
