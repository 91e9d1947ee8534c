import type { BenchCheck } from '../check.js';
import { argvExample, cisMeta, daemonCheck, daemonJsonExample, fail, infoFields, pass, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.3',
    slug: 'daemon-log-level-info',
    title: 'Ensure the logging level is set to \'info\'',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'The info level records the events an investigation needs without the volume, and the sensitive detail, of debug logging; a quieter level loses those events.',
    remediation: 'Remove `--log-level`/`-D` from dockerd\'s command line and `log-level`/`debug` from daemon.json, or set `"log-level": "info"`.',
    checkExamples: [
      { note: 'default level', snapshot: {}, expect: 'PASS' },
      { note: 'debug on the command line', snapshot: argvExample(['-H', 'fd://', '--log-level=debug']), expect: 'FAIL' },
      { note: 'warn in daemon.json', snapshot: daemonJsonExample({ 'log-level': 'warn' }), expect: 'FAIL' },
      { note: 'INFO in daemon.json (case-insensitive)', snapshot: daemonJsonExample({ 'log-level': 'INFO' }), expect: 'PASS' },
      { note: 'debug mode reported by the API', snapshot: infoFields({ Debug: true }), expect: 'FAIL' },
      { note: 'remote daemon, not in debug', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const debug = context.daemon.get('debug');
    if (debug.value === true) return fail(`the daemon runs in debug mode (from ${debug.source})`, settingEvidence(debug));
    const level = context.daemon.get('log-level');
    if (typeof level.value !== 'string') return unknownSetting('log-level', level);
    const evidence = [...settingEvidence(debug), ...settingEvidence(level)];
    if (level.value.toLowerCase() === 'info') return pass(`log level is info (from ${level.source})`, evidence);
    return fail(`log level is "${level.value}" (from ${level.source}), not info`, evidence);
  },
);
