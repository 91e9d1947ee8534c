import type { CopyInstruction } from '../../dockerfile/ast.js';
import type { DockerfileRule } from './types.js';
import { maskSecret } from './util/dsc.js';

/** Name parts that mark a secret on their own. */
const SECRET_PARTS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'PASS', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY']);
/** Pairs of adjacent parts that mark a secret (`API_KEY`, `ACCESS_KEY`, `CLIENT_SECRET` is covered above). */
const SECRET_PAIRS = new Set(['API KEY', 'ACCESS KEY', 'PRIVATE KEY', 'SECRET KEY', 'AUTH KEY', 'ENCRYPTION KEY', 'SIGNING KEY', 'MASTER KEY', 'LICENSE KEY', 'SSH KEY', 'DEPLOY KEY']);
/** A last part saying the variable holds something about a secret, not the secret (`PASSWORD_FILE`). */
const NOT_A_SECRET_SUFFIX = new Set([
  'FILE', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'USER', 'USERNAME', 'NAME', 'ID', 'TYPE', 'LENGTH', 'LEN',
  'TTL', 'EXPIRY', 'EXPIRES', 'TIMEOUT', 'HEADER', 'FIELD', 'ENABLED', 'DISABLED', 'REQUIRED', 'MODE', 'METHOD', 'POLICY',
  'VERSION', 'ALGORITHM', 'ENV', 'VAR', 'LOCATION', 'PREFIX', 'ROUNDS', 'HASH', 'COST',
]);
/** Values that switch a feature rather than hold a secret. */
const TOGGLE = /^(true|false|yes|no|on|off|0|1|none|null|nil|required|optional|enabled|disabled)$/i;

function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p.length > 0);
}

/** `DB_PASSWORD`, `githubToken`, `AWS_SECRET_ACCESS_KEY`: yes. `PASSWORD_FILE`, `PUBLIC_KEY`, `PWD`: no. */
export function looksLikeSecretName(name: string): boolean {
  const parts = nameParts(name);
  if (parts.length === 0 || parts.includes('PUBLIC') || parts.includes('PUB')) return false;
  if (NOT_A_SECRET_SUFFIX.has(parts[parts.length - 1]!)) return false;
  // A bare `PWD` is the working directory, not a password.
  if (parts.length === 1 && parts[0] === 'PWD') return false;
  if (parts.some((p) => SECRET_PARTS.has(p))) return true;
  for (let i = 0; i + 1 < parts.length; i++) if (SECRET_PAIRS.has(`${parts[i]} ${parts[i + 1]}`)) return true;
  return false;
}

/** A value written in the Dockerfile rather than referenced (`$VAR`) or left empty. */
function isLiteralSecretValue(value: string): boolean {
  const v = value.trim();
  return v !== '' && !v.includes('$') && !TOGGLE.test(v);
}

const TEMPLATE_SUFFIX = /\.(example|sample|template|tmpl|dist|defaults?)$/i;
/** Certificates and public material are not secrets even with a key-ish extension. */
const PUBLIC_PEM = /(^|[^a-z])(ca|cacert|cert|certs|certificate|chain|fullchain|bundle|public|pub|root|trust)([^a-z]|$)/i;

/** Why a copied path is a secret file, or undefined. Works on the path as written (globs too). */
export function secretFileKind(source: string): string | undefined {
  const path = source.replace(/\/+$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (TEMPLATE_SUFFIX.test(base)) return undefined;
  if (/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(base)) return 'an SSH private key';
  if (/\.(p12|pfx)$/i.test(base)) return 'a PKCS#12 key store';
  if (/\.key$/i.test(base)) return 'a private key';
  if (/\.pem$/i.test(base)) return PUBLIC_PEM.test(base.slice(0, -4)) ? undefined : 'a PEM key file';
  if (base === '.env' || /^\.env\.[A-Za-z0-9_-]+$/.test(base)) return 'an environment file with secrets';
  if (base === '.npmrc') return 'an npm config file (registry tokens)';
  if (base === '.pypirc') return 'a PyPI config file (upload credentials)';
  if (base === '.git-credentials') return 'a git credential store';
  if (base === '.netrc' || base === '_netrc') return 'a .netrc file (login passwords)';
  if (base === 'credentials') return 'a credentials file';
  if (/(^|\/)\.docker\/config\.json$/.test(path)) return 'a Docker client config (registry auth)';
  return undefined;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC4010',
    severity: 'error',
    profile: 'cis',
    title: 'Do not store secrets in the Dockerfile or the image',
    rationale:
      'ENV values and ARG defaults are stored in the image configuration and history, and copied files in ' +
      'its layers: anyone who can pull the image can read them, even if a later step deletes the file ' +
      '(CIS Docker Benchmark 4.10). Secrets written in the Dockerfile also end up in version control.',
    remediation:
      'Pass build-time secrets with BuildKit secret mounts (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc ' +
      'npm ci` and `docker build --secret id=npmrc,src=$HOME/.npmrc`) or SSH mounts, and runtime secrets ' +
      'through the orchestrator (environment at run time, Docker/Kubernetes secrets, a `*_FILE` variable). ' +
      'Rotate any secret that was already committed.',
    docsAnchor: 'dsc4010',
    tags: ['docksec', 'cis-4.10', 'security', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=s3cr3t-pass\n' },
        { code: 'FROM node:20\nARG NPM_TOKEN=npm_abcdef123456\nRUN npm ci\n' },
        { code: 'FROM node:20\nCOPY .npmrc package.json /app/\n' },
        { code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n' },
      ],
      good: [
        { code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n' },
        { code: 'FROM node:20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
        { code: 'FROM alpine:3.20\nCOPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt\nCOPY .env.example /app/.env.example\n' },
      ],
    },
  },
  check(model, context) {
    for (const entry of model.entries) {
      const instruction = entry.instruction;
      const anchor = entry.wrapper ?? instruction;
      if (instruction.keyword === 'ENV') {
        for (const pair of instruction.pairs) {
          if (!looksLikeSecretName(pair.key) || !isLiteralSecretValue(pair.value)) continue;
          context.report(anchor, `ENV ${pair.key} holds a literal secret (${maskSecret(pair.value)}) that every user of the image can read`, pair.span);
        }
      } else if (instruction.keyword === 'ARG') {
        for (const arg of instruction.args) {
          if (arg.defaultValue === undefined || !looksLikeSecretName(arg.name) || !isLiteralSecretValue(arg.defaultValue)) continue;
          context.report(anchor, `ARG ${arg.name} has a literal secret default (${maskSecret(arg.defaultValue)}) that is kept in the image history`, arg.span);
        }
      } else if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const copy: CopyInstruction = instruction;
        copy.sources.forEach((source, i) => {
          const kind = secretFileKind(source);
          if (kind === undefined) return;
          context.report(
            anchor,
            `${copy.keyword} puts ${source} (${kind}) into an image layer; use a build secret mount instead`,
            copy.sourceSpans[i],
          );
        });
      }
    }
  },
};
