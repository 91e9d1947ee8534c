import type { DockerfileRule } from './types.js';
import { envSettings, findOption, positionals, runCommandsNamedWhere } from './util/dsc.js';

const PIP_LIKE = /^(pip[0-9.]*|python[0-9.]*|uv|pipenv|poetry|pipx)$/;

/** PIP_LIKE, testing the regex only for names starting with `p` or `u` (most command names do not). */
function pipLike(name: string): boolean {
  const first = name.charCodeAt(0);
  return (first === 0x70 || first === 0x75) && PIP_LIKE.test(name);
}

/** The variables this rule looks for among the file's settings (one set, not one per file). */
const WANTED_ENV: ReadonlySet<string> = new Set(['PIP_TRUSTED_HOST']);

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5003',
    severity: 'warning',
    title: 'Do not mark package indexes as trusted hosts in pip',
    rationale:
      '`pip install --trusted-host HOST` (also `PIP_TRUSTED_HOST` or `pip config set global.trusted-host`) ' +
      'skips TLS verification for that host and allows plain HTTP, so packages can be swapped in transit.',
    remediation:
      'Serve the index over HTTPS with a valid certificate (or install your CA and set `PIP_CERT`), and remove ' +
      '`--trusted-host`. Pin packages with `--require-hashes` for integrity.',
    docsAnchor: 'dsc5003',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.internal --index-url http://pypi.internal/simple app==1.0\n' },
        { code: 'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal\n' },
      ],
      good: [{ code: 'FROM python:3.12\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt\n' }],
    },
  },
  check(model, context) {
    const commands = runCommandsNamedWhere(model, pipLike);
    for (let i = 0; i < commands.length; i++) {
      const { run, cmd } = commands[i]!;
      if (!PIP_LIKE.test(cmd.name)) continue;
      const word = findOption(cmd, ['trusted-host']);
      if (word !== undefined) {
        context.report(run.anchor, `${cmd.name} --trusted-host turns off TLS verification for that package index`, word.span);
        continue;
      }
      const rest = positionals(cmd);
      const setAt = rest.findIndex((a, i) => a === 'set' && rest[i - 1] === 'config');
      const key = setAt === -1 ? undefined : rest[setAt + 1];
      if (key !== undefined && /(^|\.)trusted-host$/.test(key)) {
        const keyWord = cmd.words.find((w) => w.value === key);
        context.report(run.anchor, `pip config sets ${key}, turning off TLS verification for that package index`, keyWord?.span ?? cmd.command.span);
      }
    }
    const settings = envSettings(model, WANTED_ENV);
    for (let s = 0; s < settings.length; s++) {
      const setting = settings[s]!;
      if (setting.value.trim() === '' || setting.value.includes('$')) continue;
      context.report(setting.anchor, `${setting.source} sets PIP_TRUSTED_HOST, turning off TLS verification for ${setting.value}`, setting.span);
    }
  },
};
