import type { BenchCheck } from '../check.js';
import { cisMeta, fail, infoFields, pass, unknownSetting } from './host-common.js';

/** The engine always trusts these loopback ranges; they are not an insecure setting. */
const BUILTIN_CIDRS = new Set(['127.0.0.0/8', '::1/128']);
const isLoopbackHost = (name: string) => {
  const host = name.replace(/^\[/, '').replace(/\](:\d+)?$/, '').replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
};

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '2.5',
    slug: 'daemon-no-insecure-registries',
    title: 'Ensure insecure registries are not used',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'An insecure registry is reached over plain HTTP or unverified TLS: anyone on the path can read or replace the images the daemon pulls.',
    remediation: 'Remove `--insecure-registry` flags and `insecure-registries` entries; give private registries a certificate trusted through /etc/docker/certs.d.',
    checkExamples: [
      { note: 'only the built-in loopback range', snapshot: {}, expect: 'PASS' },
      { note: 'insecure CIDR', snapshot: infoFields({ RegistryConfig: { InsecureRegistryCIDRs: ['127.0.0.0/8', '10.0.0.0/8'] } }), expect: 'FAIL' },
      { note: 'insecure registry by name', snapshot: infoFields({ RegistryConfig: { IndexConfigs: { 'registry.example:5000': { Name: 'registry.example:5000', Secure: false } } } }), expect: 'FAIL' },
      { note: 'insecure localhost registry is tolerated', snapshot: infoFields({ RegistryConfig: { IndexConfigs: { 'localhost:5000': { Name: 'localhost:5000', Secure: false } } } }), expect: 'PASS' },
      { note: '/info unreadable and no host', snapshot: { engine: { info: { ok: false, reason: 'permission denied' } }, host: { ok: false, reason: 'no host access: remote' } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const registry = context.daemon.info?.['RegistryConfig'];
    if (!registry || typeof registry !== 'object') {
      const declared = context.daemon.get('insecure-registries');
      if (!Array.isArray(declared.value)) return unknownSetting('insecure-registries', declared);
      const list = declared.value as string[];
      return list.length > 0 ? fail(`insecure registries configured: ${list.join(', ')}`, declared.evidence) : pass('no insecure registries configured', declared.evidence);
    }
    const config = registry as { InsecureRegistryCIDRs?: unknown; IndexConfigs?: unknown };
    const offenders: string[] = [];
    for (const cidr of Array.isArray(config.InsecureRegistryCIDRs) ? config.InsecureRegistryCIDRs : []) {
      if (typeof cidr === 'string' && !BUILTIN_CIDRS.has(cidr)) offenders.push(cidr);
    }
    const indexes = config.IndexConfigs && typeof config.IndexConfigs === 'object' ? Object.entries(config.IndexConfigs as Record<string, { Secure?: unknown }>) : [];
    for (const [name, index] of indexes) if (index?.Secure === false && !isLoopbackHost(name)) offenders.push(name);
    const evidence = ['/engine/info#RegistryConfig.InsecureRegistryCIDRs', '/engine/info#RegistryConfig.IndexConfigs'];
    return offenders.length > 0 ? fail(`insecure registries: ${offenders.join(', ')}`, evidence) : pass('no insecure registries beyond the built-in loopback ranges', evidence);
  },
};
