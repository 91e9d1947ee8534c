import type { BenchCheck } from '../check.js';
import { cisMeta, daemonCheck, fail, infoFields, pass, settingEvidence, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.12',
    slug: 'daemon-authz-plugin',
    title: 'Ensure that authorization for Docker client commands is enabled',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'By default anyone who reaches the API may do anything. An authorization plugin can allow or deny each request, for example forbidding privileged containers for most users.',
    remediation: 'Install an authorization plugin and enable it with `--authorization-plugin=NAME` or `"authorization-plugins": ["NAME"]`.',
    checkExamples: [
      { note: 'no plugin', snapshot: {}, expect: 'FAIL' },
      { note: 'plugin active', snapshot: infoFields({ Plugins: { Authorization: ['opa-docker-authz'] } }), expect: 'PASS' },
      { note: '/info unreadable, no host', snapshot: { engine: { info: { ok: false, reason: 'timeout' } }, host: { ok: false, reason: 'no host access: remote' } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const plugins = context.daemon.get('authorization-plugins');
    if (!Array.isArray(plugins.value)) return unknownSetting('authorization-plugins', plugins);
    const list = plugins.value as string[];
    return list.length > 0
      ? pass(`authorization plugins: ${list.join(', ')}`, settingEvidence(plugins))
      : fail('no authorization plugin (access control outside the daemon, such as an authenticating proxy, is not seen by this check)', settingEvidence(plugins));
  },
);
