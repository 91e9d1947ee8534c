import type { BenchCheck } from '../check.js';
import { cisMeta, daemonCheck, daemonJsonExample, fail, infoFields, manual, merged, pass, settingEvidence, unknownSetting } from './host-common.js';

const LOCAL = new Set(['json-file', 'local', 'none']);
const REMOTE = new Set(['gelf', 'fluentd', 'awslogs', 'splunk', 'gcplogs', 'logentries', 'etwlogs']);

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.13',
    slug: 'daemon-remote-logging',
    title: 'Ensure centralized and remote logging is configured',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'Logs kept only on the host are lost with it and can be altered by whoever compromises it. Shipping container logs to a central service keeps them for investigation.',
    remediation: 'Set a remote log driver, e.g. `"log-driver": "syslog", "log-opts": {"syslog-address": "tcp+tls://logs.example:6514"}`, or gelf/fluentd/splunk.',
    checkExamples: [
      { note: 'json-file', snapshot: {}, expect: 'FAIL' },
      { note: 'gelf', snapshot: infoFields({ LoggingDriver: 'gelf' }), expect: 'PASS' },
      { note: 'syslog to a remote TCP host', snapshot: merged(infoFields({ LoggingDriver: 'syslog' }), daemonJsonExample({ 'log-driver': 'syslog', 'log-opts': { 'syslog-address': 'tcp+tls://logs.example:6514' } })), expect: 'PASS' },
      { note: 'journald: depends on host forwarding', snapshot: infoFields({ LoggingDriver: 'journald' }), expect: 'MANUAL' },
      { note: 'no /info and no host', snapshot: { engine: { info: { ok: false, reason: 'timeout' } }, host: { ok: false, reason: 'no host access: remote' } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const driver = context.daemon.get('log-driver');
    if (typeof driver.value !== 'string') return unknownSetting('log-driver', driver);
    const name = driver.value;
    const evidence = settingEvidence(driver);
    if (LOCAL.has(name)) return fail(`the default log driver ${name} keeps logs on the host only`, evidence);
    if (REMOTE.has(name)) return pass(`the default log driver ${name} ships logs off the host`, evidence);
    if (name === 'syslog') {
      const opts = context.daemon.get('log-opts');
      const address = opts.value && typeof opts.value === 'object' ? (opts.value as Record<string, unknown>)['syslog-address'] : undefined;
      if (typeof address === 'string') {
        const m = /^(tcp|udp|tcp\+tls):\/\/(\[[^\]]+\]|[^:/]+)/.exec(address);
        if (m && !isLoopback(m[2]!)) return pass(`syslog to ${address}`, [...evidence, ...opts.evidence]);
      }
      return manual(`syslog to ${typeof address === 'string' ? address : 'the local socket'}: remote only if the host forwards it`, [...evidence, ...opts.evidence]);
    }
    if (name === 'journald') return manual('journald: remote only if the host forwards the journal', evidence);
    return manual(`log driver "${name}" (a plugin?): confirm it sends logs off the host`, evidence);
  },
);
