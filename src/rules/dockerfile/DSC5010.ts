import type { DockerfileRule } from './types.js';
import { envSettings, isFalsy, positionals, runCommandsNamed } from './util/dsc.js';

const SSL_VERIFY_KEY = /^http\.(.+\.)?sslverify$/i;

/** The variables this rule looks for among the file's settings (one set, not one per file). */
const WANTED_ENV: ReadonlySet<string> = new Set(['GIT_SSL_NO_VERIFY']);

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5010',
    severity: 'warning',
    title: 'Do not turn off TLS verification in git',
    rationale:
      'Git skips certificate checks when `GIT_SSL_NO_VERIFY` is set to any value (even `false` or empty) or ' +
      'when `http.sslVerify` is false, so cloned sources can be swapped by anyone on the network path.',
    remediation:
      'Remove the variable or setting. For a private CA set `http.sslCAInfo` (or `GIT_SSL_CAINFO`) to the CA ' +
      'bundle, and pin clones to a commit.',
    docsAnchor: 'dsc5010',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM alpine/git:2.45.2\nENV GIT_SSL_NO_VERIFY=true\n' },
        { code: 'FROM alpine/git:2.45.2\nRUN git config --global http.sslVerify false\n' },
        { code: 'FROM alpine/git:2.45.2\nRUN git -c http.sslVerify=false clone https://git.internal/app.git /src\n' },
        { code: 'FROM alpine/git:2.45.2\nRUN GIT_SSL_NO_VERIFY=1 git clone https://git.internal/app.git /src\n' },
      ],
      good: [
        { code: 'FROM alpine/git:2.45.2\nRUN git config --global http.sslCAInfo /etc/ssl/certs/corp.pem && git clone https://git.internal/app.git /src\n' },
      ],
    },
  },
  check(model, context) {
    const named = runCommandsNamed(model, 'git');
    for (let n = 0; n < named.length; n++) {
      const { run, cmd } = named[n]!;
      // `git -c http.sslVerify=false ...` (also `-chttp.sslVerify=false`, `--config-env` is not a value).
      for (let i = 0; i < cmd.words.length; i++) {
        const v = cmd.words[i]!.value;
        const setting = v === '-c' ? cmd.words[i + 1] : v.startsWith('-c') && v.length > 2 ? cmd.words[i] : undefined;
        if (setting === undefined) continue;
        const text = setting === cmd.words[i] ? v.slice(2) : setting.value;
        const eq = text.indexOf('=');
        if (eq !== -1 && SSL_VERIFY_KEY.test(text.slice(0, eq)) && isFalsy(text.slice(eq + 1))) {
          context.report(run.anchor, `git -c ${text} turns off TLS certificate checks`, setting.span);
        }
      }
      // `git config [--global|--system|--file f] http.sslVerify false`.
      const rest = positionals(cmd, ['c', 'C', 'f', 'file', 'blob', 'type']);
      const configAt = rest.indexOf('config');
      if (configAt === -1) continue;
      const afterConfig = rest.slice(configAt + 1).filter((a) => a !== 'set');
      const keyAt = afterConfig.findIndex((a) => SSL_VERIFY_KEY.test(a));
      if (keyAt !== -1 && isFalsy(afterConfig[keyAt + 1] ?? '')) {
        const keyWord = cmd.words.find((w) => SSL_VERIFY_KEY.test(w.value));
        context.report(run.anchor, `git config sets ${afterConfig[keyAt]} false, turning off TLS certificate checks`, keyWord?.span ?? cmd.command.span);
      }
    }
    const settings = envSettings(model, WANTED_ENV);
    for (let s = 0; s < settings.length; s++) {
      const setting = settings[s]!;
      // Git only checks that the variable exists; an ARG without a value is not set.
      context.report(setting.anchor, `${setting.source} sets GIT_SSL_NO_VERIFY; git skips certificate checks whenever it is set, whatever the value`, setting.span);
    }
  },
};
