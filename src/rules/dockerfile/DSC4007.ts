import type { DockerfileRule } from './types.js';
import { type EffectiveCommand, positionals, runCommands } from './util/dsc.js';

/** Options of the package managers that take a separate value (so it is not read as the subcommand). */
const VALUE_FLAGS: Record<string, string[]> = {
  'apt-get': ['o', 'c', 't', 'option', 'config-file', 'target-release', 'default-release'],
  apt: ['o', 'c', 't', 'option', 'config-file', 'target-release', 'default-release'],
  apk: ['X', 'p', 'repository', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file'],
  dnf: ['c', 'R', 'x', 'config', 'releasever', 'exclude', 'installroot', 'setopt', 'repo', 'enablerepo', 'disablerepo', 'repofrompath'],
  yum: ['c', 'R', 'x', 'config', 'releasever', 'exclude', 'installroot', 'setopt', 'enablerepo', 'disablerepo'],
  microdnf: ['config', 'releasever', 'setopt', 'enablerepo', 'disablerepo', 'installroot'],
};

/** Subcommands that refresh the package index and those that consume it, per package manager. */
const FAMILIES: Record<string, { update: string[]; consume: string[] }> = {
  'apt-get': { update: ['update'], consume: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall'] },
  apt: { update: ['update'], consume: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall'] },
  apk: { update: ['update'], consume: ['add', 'upgrade', 'fix', 'fetch'] },
  dnf: { update: ['makecache'], consume: ['install', 'upgrade', 'update', 'reinstall', 'distro-sync', 'groupinstall', 'group', 'module', 'builddep', 'download', 'localinstall', 'upgrade-minimal'] },
  yum: { update: ['makecache'], consume: ['install', 'upgrade', 'update', 'reinstall', 'distro-sync', 'groupinstall', 'groupupdate', 'localinstall', 'update-minimal'] },
  microdnf: { update: ['makecache'], consume: ['install', 'upgrade', 'update', 'reinstall', 'download'] },
};
/** `apt` and `apt-get` share one index, as do `dnf`/`yum`/`microdnf`. */
const SHARED_INDEX: Record<string, string> = { 'apt-get': 'apt', apt: 'apt', apk: 'apk', dnf: 'rpm', yum: 'rpm', microdnf: 'rpm' };

function subcommand(cmd: EffectiveCommand): string | undefined {
  return positionals(cmd, VALUE_FLAGS[cmd.name] ?? [])[0];
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC4007',
    severity: 'warning',
    profile: 'cis',
    title: 'Do not refresh the package index in a RUN of its own',
    rationale:
      'A RUN that only refreshes the package index (`apt-get update`, `apk update`, `dnf makecache`) is cached ' +
      'as a layer. Later builds reuse that layer and install from a stale index: old, possibly vulnerable ' +
      'versions or 404 errors on removed packages (CIS Docker Benchmark 4.7).',
    remediation:
      'Refresh and install in the same RUN: `RUN apt-get update && apt-get install -y --no-install-recommends pkg ' +
      '&& rm -rf /var/lib/apt/lists/*`, or use the manager\'s one-shot form (`apk add --no-cache pkg`).',
    docsAnchor: 'dsc4007',
    tags: ['docksec', 'cis-4.7', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n' },
        { code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n' },
        { code: 'FROM rockylinux:9\nRUN dnf makecache && echo done\n' },
      ],
      good: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
        { code: 'FROM alpine:3.20\nRUN apk update && apk upgrade\n' },
        { code: 'FROM debian:12\nRUN apt-get -o Acquire::Retries=3 update && xargs apt-get install -y < packages.txt\n', note: 'Wrappers such as `xargs` and `sudo` are looked through.' },
      ],
    },
  },
  check(model, context) {
    // runCommands lists each RUN's effective commands together, in RUN order (computed once per file).
    const all = runCommands(model);
    let next = 0;
    for (const run of model.runs()) {
      const commands: EffectiveCommand[] = [];
      for (; next < all.length && all[next]!.run === run; next++) commands.push(all[next]!.cmd);
      commands.forEach((cmd, index) => {
        const family = FAMILIES[cmd.name];
        if (family === undefined || !family.update.includes(subcommand(cmd) ?? '')) return;
        const index_ = SHARED_INDEX[cmd.name];
        const consumed = commands.slice(index + 1).some((later) => {
          const laterFamily = FAMILIES[later.name];
          return laterFamily !== undefined && SHARED_INDEX[later.name] === index_ && laterFamily.consume.includes(subcommand(later) ?? '');
        });
        if (consumed) return;
        const written = `${cmd.name} ${subcommand(cmd)}`;
        context.report(
          run.anchor,
          `'${written}' is not followed by an install or upgrade in the same RUN; the cached layer will hand later RUNs a stale package index`,
          cmd.command.span,
        );
      });
    }
  },
};
