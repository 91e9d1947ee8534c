import type { ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { envSettings, isFalsy, positionals, runCommandsToScan } from './util/dsc.js';

const STRICT_SSL_KEYS = new Set(['strict-ssl', 'strict_ssl', 'enablestrictssl', 'strictssl']);
const ENV_NAMES = ['npm_config_strict_ssl', 'NPM_CONFIG_STRICT_SSL', 'YARN_STRICT_SSL', 'YARN_ENABLE_STRICT_SSL', 'yarn_strict_ssl', 'PNPM_CONFIG_STRICT_SSL'];

const NODE_PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'npx']);
const NPMRC_STRICT_SSL_OFF = /(^|\s)strict-ssl\s*=\s*(false|0)\b/i;

function writesStrictSslOff(word: ShellWord): boolean {
  return word.value.includes('=') && NPMRC_STRICT_SSL_OFF.test(word.value);
}

/** The variables this rule looks for among the file's settings (one set, not one per file). */
const WANTED_ENV: ReadonlySet<string> = new Set(ENV_NAMES);

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5009',
    severity: 'warning',
    title: 'Do not turn off strict-ssl in npm, yarn or pnpm',
    rationale:
      'With strict-ssl off the package manager accepts any registry certificate, so packages and their ' +
      'install scripts can be replaced in transit.',
    remediation:
      'Keep `strict-ssl` on. For a private registry CA use `npm config set cafile /path/ca.pem` (yarn: `cafile`, ' +
      'berry: `httpsCaFilePath`) or `NODE_EXTRA_CA_CERTS`.',
    docsAnchor: 'dsc5009',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM node:20\nRUN npm config set strict-ssl false && npm ci\n' },
        { code: 'FROM node:20\nRUN npm install --strict-ssl=false\n' },
        { code: 'FROM node:20\nENV NPM_CONFIG_STRICT_SSL=false\n' },
        { code: 'FROM node:20\nRUN yarn config set strict-ssl false\n' },
      ],
      good: [
        { code: 'FROM node:20\nRUN npm config set cafile /etc/ssl/certs/corp.pem && npm ci\n' },
        { code: 'FROM node:20\nRUN npm config set strict-ssl true\n' },
      ],
    },
  },
  check(model, context) {
    // The tool's own commands, and any command with a word that may write a setting.
    const commands = runCommandsToScan(model, NODE_PACKAGE_MANAGERS);
    for (let i = 0; i < commands.length; i++) {
      const { run, cmd, settingWords } = commands[i]!;
      if (NODE_PACKAGE_MANAGERS.has(cmd.name)) {
        // `--strict-ssl=false`, `--no-strict-ssl`, `--strict-ssl false`.
        const flagAt = cmd.words.findIndex((w, i) => {
          const v = w.value;
          if (v === '--no-strict-ssl') return true;
          if (v.startsWith('--strict-ssl=')) return isFalsy(v.slice('--strict-ssl='.length));
          return v === '--strict-ssl' && isFalsy(cmd.words[i + 1]?.value ?? '');
        });
        if (flagAt !== -1) {
          const word = cmd.words[flagAt]!;
          context.report(run.anchor, `${cmd.name} ${word.value} accepts any registry certificate`, word.span);
          continue;
        }
        // `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set enableStrictSsl false`.
        const rest = positionals(cmd);
        const setAt = rest.indexOf('set');
        if (setAt !== -1 && (setAt === 0 || rest[setAt - 1] === 'config')) {
          const [key = '', inlineValue] = (rest[setAt + 1] ?? '').split('=');
          const value = inlineValue ?? rest[setAt + 2] ?? '';
          if (STRICT_SSL_KEYS.has(key.toLowerCase()) && isFalsy(value)) {
            const keyWord = cmd.words.find((w) => w.value.startsWith(key));
            context.report(run.anchor, `${cmd.name} config turns strict-ssl off, accepting any registry certificate`, keyWord?.span ?? cmd.command.span);
          }
        }
        continue;
      }
      // `echo strict-ssl=false >> .npmrc`.
      // Only words holding `=` can: the command's setting words.
      const word = settingWords.find(writesStrictSslOff);
      if (word !== undefined) context.report(run.anchor, 'This writes strict-ssl=false into an npm config file', word.span);
    }
    const settings = envSettings(model, WANTED_ENV);
    for (let s = 0; s < settings.length; s++) {
      const setting = settings[s]!;
      if (!isFalsy(setting.value)) continue;
      context.report(setting.anchor, `${setting.source} sets ${setting.name}=${setting.value}, turning strict-ssl off for the package manager`, setting.span);
    }
  },
};
