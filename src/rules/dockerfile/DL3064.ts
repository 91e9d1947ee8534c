import type { DockerfileRule } from './types.js';
import type { Span } from '../../core/finding.js';
import { anchorOf } from './util/rules-b.js';

/** Well-known variable names that carry credentials (upper-case). */
const KNOWN_SECRET_NAMES = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN',
  'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY',
  'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME',
  'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);
/** Any of these parts in the lower-cased name; one regex search instead of one `includes` per part. */
const SUSPICIOUS_PART = /api_key|client_key|password|private|secret|token|username/;

export function looksSecret(name: string): boolean {
  return SUSPICIOUS_PART.test(name.toLowerCase()) || KNOWN_SECRET_NAMES.has(name.toUpperCase());
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3064',
    severity: 'warning',
    title: 'Do not pass secrets through ARG or ENV',
    rationale:
      'ARG and ENV values are stored in the image history and config, where anyone who can pull the image can read them.',
    remediation:
      'Use BuildKit secrets (`RUN --mount=type=secret,id=token ...`) at build time and inject runtime secrets when the container starts.',
    docsAnchor: 'dl3064',
    tags: ['hadolint', 'onbuild', 'secrets'],
    examples: {
      bad: [
        { code: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n' },
        { code: 'FROM postgres:16\nENV DB_PASSWORD=changeme\n' },
      ],
      good: [{ code: 'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci\n' }],
    },
  },
  check(model, ctx) {
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      const instruction = entry.instruction;
      let hit: { name: string; span: Span } | undefined;
      // Our parser reads every name of `ARG a b`; Hadolint only sees the first (docs/compatibility.md, DL3064).
      if (instruction.keyword === 'ARG') {
        const args = instruction.args;
        for (let i = 0; i < args.length; i++) {
          if (looksSecret(args[i]!.name)) {
            hit = args[i];
            break;
          }
        }
      } else if (instruction.keyword === 'ENV') {
        const pairs = instruction.pairs;
        for (let i = 0; i < pairs.length; i++) {
          if (looksSecret(pairs[i]!.key)) {
            hit = { name: pairs[i]!.key, span: pairs[i]!.span };
            break;
          }
        }
      }
      if (!hit) continue;
      ctx.report(anchorOf(entry), `${instruction.keyword} '${hit.name}' looks like a secret; its value would be stored in the image`, hit.span);
    }
  },
};
