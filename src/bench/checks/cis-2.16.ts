import type { BenchCheck } from '../check.js';
import { argvExample, cisMeta, merged, compareVersions, daemonCheck, daemonJsonExample, fail, infoFields, pass, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.16',
    slug: 'daemon-userland-proxy-disabled',
    title: 'Ensure Userland Proxy is Disabled',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'The userland proxy is an extra process per published port, with its own attack surface; with hairpin NAT and iptables it is not needed.',
    remediation: 'Set `"userland-proxy": false` in daemon.json (or `--userland-proxy=false`) and restart the daemon.',
    checkExamples: [
      { note: 'disabled in daemon.json', snapshot: {}, expect: 'PASS' },
      { note: 'default (enabled)', snapshot: daemonJsonExample({}), expect: 'FAIL' },
      { note: 'enabled on the command line', snapshot: merged(argvExample(['--userland-proxy=true']), daemonJsonExample({})), expect: 'FAIL' },
      { note: 'engine reports the proxy', snapshot: infoFields({ FirewallBackend: { Driver: 'iptables', Info: [['EnableUserlandProxy', 'true']] } }), expect: 'FAIL' },
      { note: 'remote, old engine', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const backend = context.daemon.info?.['FirewallBackend'];
    const backendInfo = backend && typeof backend === 'object' ? (backend as Record<string, unknown>)['Info'] : undefined;
    if (Array.isArray(backendInfo)) {
      const entry = backendInfo.find((pair) => Array.isArray(pair) && pair[0] === 'EnableUserlandProxy');
      if (entry) return fail('the engine reports the userland proxy enabled', ['/engine/info#FirewallBackend.Info']);
      // The entry is listed only when enabled, on engines from 29.5 (per moby).
      if (context.daemon.engineVersion && compareVersions(context.daemon.engineVersion, [29, 5]) >= 0)
        return pass('the engine reports no userland proxy', ['/engine/info#FirewallBackend.Info']);
    }
    const proxy = context.daemon.get('userland-proxy');
    if (typeof proxy.value !== 'boolean') return unknownSetting('userland-proxy', proxy);
    const rootless = context.daemon.mode.rootless ? ' (rootless: port forwarding goes through RootlessKit)' : '';
    return proxy.value
      ? fail(`the userland proxy is enabled (from ${proxy.source})${rootless}`, settingEvidence(proxy))
      : pass(`the userland proxy is disabled (from ${proxy.source})${rootless}`, settingEvidence(proxy));
  },
);

