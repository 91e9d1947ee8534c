/** Table-driven edge cases for docksec's own rules DSC4001-DSC4010 and DSC5001-DSC5011 (exact lines). */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';
import { rule as DSC4001, isRootUserSpec } from '../../src/rules/dockerfile/DSC4001.js';
import { rule as DSC4006 } from '../../src/rules/dockerfile/DSC4006.js';
import { rule as DSC4007 } from '../../src/rules/dockerfile/DSC4007.js';
import { rule as DSC4009 } from '../../src/rules/dockerfile/DSC4009.js';
import { rule as DSC4010, looksLikeSecretName, secretFileKind } from '../../src/rules/dockerfile/DSC4010.js';
import { rule as DSC5001 } from '../../src/rules/dockerfile/DSC5001.js';
import { rule as DSC5002 } from '../../src/rules/dockerfile/DSC5002.js';
import { rule as DSC5003 } from '../../src/rules/dockerfile/DSC5003.js';
import { rule as DSC5004 } from '../../src/rules/dockerfile/DSC5004.js';
import { rule as DSC5005 } from '../../src/rules/dockerfile/DSC5005.js';
import { rule as DSC5006 } from '../../src/rules/dockerfile/DSC5006.js';
import { rule as DSC5007 } from '../../src/rules/dockerfile/DSC5007.js';
import { rule as DSC5008 } from '../../src/rules/dockerfile/DSC5008.js';
import { rule as DSC5009 } from '../../src/rules/dockerfile/DSC5009.js';
import { rule as DSC5010 } from '../../src/rules/dockerfile/DSC5010.js';
import { rule as DSC5011 } from '../../src/rules/dockerfile/DSC5011.js';
import { maskSecret } from '../../src/rules/dockerfile/util/dsc.js';
import { dscHits, dscLines } from './helpers-dsc.js';

type Case = [name: string, dockerfile: string, lines: number[]];

function table(rule: DockerfileRule, cases: Case[]): void {
  for (const [name, text, lines] of cases) {
    test(`${rule.meta.id}: ${name}`, async () => {
      assert.deepEqual(await dscLines(rule, text), lines);
    });
  }
}

const ALL = [DSC4001, DSC4006, DSC4007, DSC4009, DSC4010, DSC5001, DSC5002, DSC5003, DSC5004, DSC5005, DSC5006, DSC5007, DSC5008, DSC5009, DSC5010, DSC5011];

test('every DSC rule has complete metadata and runnable examples', async () => {
  for (const rule of ALL) {
    const m = rule.meta;
    assert.match(m.id, /^DSC[45]\d{3}$/);
    assert.equal(m.docsAnchor, m.id.toLowerCase());
    for (const field of [m.title, m.rationale, m.remediation]) assert.ok(field.length > 10, `${m.id} metadata`);
    assert.ok(m.tags!.includes(m.id.startsWith('DSC5') ? 'supply-chain' : `cis-4.${Number(m.id.slice(5))}`), `${m.id} tag`);
    assert.ok(m.examples.bad.length >= 1 && m.examples.good.length >= 1);
    for (const ex of m.examples.bad) assert.ok((await dscHits(rule, ex.code)).length > 0, `${m.id} bad example: ${ex.code}`);
    for (const ex of m.examples.good) assert.deepEqual(await dscHits(rule, ex.code), [], `${m.id} good example: ${ex.code}`);
  }
});

test('isRootUserSpec', () => {
  for (const s of ['root', '0', '00', '0:0', 'root:root', 'root:0', '0:wheel', 'root:']) assert.equal(isRootUserSpec(s), true, s);
  for (const s of ['app', '1000', '10:0', 'rooty', 'nobody:root', '']) assert.equal(isRootUserSpec(s), false, s);
});

table(DSC4001, [
  ['no USER: reported at the final FROM', 'FROM alpine:3.20\nRUN true\n', [1]],
  ['only the final stage counts', 'FROM alpine:3.20 AS build\nRUN true\n\nFROM alpine:3.20\nUSER app\n', []],
  ['builder stage as root is fine', 'FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER 1000\n', []],
  ['last USER root written as 0', 'FROM alpine:3.20\nUSER app\nRUN id\nUSER 0\n', [4]],
  ['root:root', 'FROM alpine:3.20\nUSER root:root\n', [2]],
  ['root:0', 'FROM alpine:3.20\nUSER root:0\n', [2]],
  ['root then app', 'FROM alpine:3.20\nUSER root\nRUN id\nUSER app\n', []],
  ['inherited non-root through two aliases', 'FROM alpine:3.20 AS a\nUSER 1000\nFROM a AS b\nRUN true\nFROM b\nCMD ["x"]\n', []],
  ['inherited root through two aliases: at the final FROM', 'FROM alpine:3.20 AS a\nUSER 0:0\nFROM a AS b\nRUN true\nFROM b\nCMD ["x"]\n', [5]],
  ['no USER in the chain at all', 'FROM alpine:3.20 AS a\nRUN true\nFROM a\nRUN true\n', [3]],
  ['unresolvable $VAR is not flagged', 'FROM alpine:3.20\nARG U\nUSER $U\n', []],
  ['resolved ARG default root', 'FROM alpine:3.20\nARG U=root\nUSER ${U}\n', [3]],
  ['resolved ENV non-root', 'FROM alpine:3.20\nENV U=app\nUSER $U:$U\n', []],
  ['global ARG default re-declared in stage', 'ARG RUNAS=0\nFROM alpine:3.20\nARG RUNAS\nUSER $RUNAS\n', [4]],
  ['${VAR:-root} default used', 'FROM alpine:3.20\nUSER ${U:-root}\n', [2]],
  ['quoted USER value', 'FROM alpine:3.20\nUSER "root"\n', [2]],
  ['distroless nonroot tag is trusted', 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n', []],
  ['ONBUILD USER does not count for this image', 'FROM alpine:3.20\nONBUILD USER app\n', [1]],
  ['no FROM at all: nothing', 'ARG X=1\n', []],
]);

test('DSC4001: span of the USER argument', async () => {
  const [hit] = await dscHits(DSC4001, 'FROM alpine:3.20\nUSER  root\n');
  assert.deepEqual(hit!.span, { start: { line: 2, column: 7 }, end: { line: 2, column: 11 } });
});

table(DSC4006, [
  ['missing', 'FROM alpine:3.20\nCMD ["x"]\n', [1]],
  ['present', 'FROM alpine:3.20\nHEALTHCHECK CMD ["/bin/true"]\n', []],
  ['NONE', 'FROM alpine:3.20\nHEALTHCHECK NONE\n', [2]],
  ['NONE then CMD: last wins', 'FROM alpine:3.20\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n', []],
  ['CMD then NONE: last wins', 'FROM alpine:3.20\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n', [3]],
  ['inherited from parent', 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN true\n', []],
  ['inherited NONE reported at final FROM', 'FROM alpine:3.20 AS base\nHEALTHCHECK NONE\nFROM base\nRUN true\n', [3]],
  ['own CMD overrides parent NONE', 'FROM alpine:3.20 AS base\nHEALTHCHECK NONE\nFROM base\nHEALTHCHECK CMD true\n', []],
  ['only in a non-parent stage', 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM alpine:3.20\nCOPY --from=base /x /x\n', [3]],
  ['ONBUILD HEALTHCHECK does not count', 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD true\n', [1]],
]);

table(DSC4007, [
  ['lone apt-get update', 'FROM debian:12\nRUN apt-get update\n', [2]],
  ['lone apt update', 'FROM debian:12\nRUN apt update\n', [2]],
  ['update with flags', 'FROM debian:12\nRUN apt-get -qq update\n', [2]],
  ['update then install', 'FROM debian:12\nRUN apt-get update && apt-get install -y x\n', []],
  ['apt update then apt-get install (same index)', 'FROM debian:12\nRUN apt update && apt-get install -y x\n', []],
  ['install before update does not count', 'FROM debian:12\nRUN apt-get install -y x; apt-get update\n', [2]],
  ['update then dist-upgrade', 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n', []],
  ['update then an unrelated command', 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n', [2]],
  ['apk update then apk add', 'FROM alpine:3.20\nRUN apk update && apk add curl\n', []],
  ['apk add --update is not a lone update', 'FROM alpine:3.20\nRUN apk add --update curl\n', []],
  ['apt-get update then apk add is a different index', 'FROM debian:12\nRUN apt-get update && apk add x\n', [2]],
  ['yum makecache then yum install', 'FROM centos:7\nRUN yum makecache && yum install -y x\n', []],
  ['microdnf makecache alone', 'FROM ubi9:latest\nRUN microdnf makecache\n', [2]],
  ['sudo apt-get update then sudo apt-get install', 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y x\n', []],
  ['full path', 'FROM debian:12\nRUN /usr/bin/apt-get update\n', [2]],
  ['two lone updates in one RUN', 'FROM debian:12\nRUN apt-get update; apt-get update\n', [2, 2]],
  ['ONBUILD payload, at the ONBUILD line', 'FROM debian:12\nONBUILD RUN apt-get update\n', [2]],
  ['continuation lines: finding at the RUN line', 'FROM debian:12\nRUN echo hi && \\\n    apt-get update\n', [2]],
  ['exec form', 'FROM debian:12\nRUN ["apt-get", "update"]\n', [2]],
  ['not apt-get update in a string', 'FROM debian:12\nRUN echo "apt-get update"\n', []],
]);

test('DSC4007: span is the update command, on its continuation line', async () => {
  const [hit] = await dscHits(DSC4007, 'FROM debian:12\nRUN echo hi && \\\n    apt-get update\n');
  assert.deepEqual(hit!.span, { start: { line: 3, column: 5 }, end: { line: 3, column: 19 } });
});

table(DSC4009, [
  ['local file', 'FROM alpine:3.20\nADD a.txt /a\n', [2]],
  ['several local files: one finding', 'FROM alpine:3.20\nADD a b c /d/\n', [2]],
  ['local archive: ADD is right', 'FROM alpine:3.20\nADD app.tar.xz /opt/\n', []],
  ['tgz archive', 'FROM alpine:3.20\nADD app.tgz /opt/\n', []],
  ['zip is not unpacked by ADD', 'FROM alpine:3.20\nADD app.zip /opt/\n', [2]],
  ['URL without checksum', 'FROM alpine:3.20\nADD http://example.com/a /a\n', [2]],
  ['URL with checksum', 'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/a /a\n', []],
  ['URL and local file: two findings', 'FROM alpine:3.20\nADD https://example.com/a b /d/\n', [2, 2]],
  ['git URL', 'FROM alpine:3.20\nADD https://github.com/moby/moby.git#v27.0.0 /src\n', []],
  ['git ssh', 'FROM alpine:3.20\nADD git@github.com:moby/moby.git /src\n', []],
  ['--keep-git-dir', 'FROM alpine:3.20\nADD --keep-git-dir=true https://example.com/repo /src\n', []],
  ['variable source', 'FROM alpine:3.20\nARG SRC\nADD $SRC /x\n', []],
  ['JSON form', 'FROM alpine:3.20\nADD ["a b.txt", "/x/"]\n', [2]],
  ['COPY is never flagged', 'FROM alpine:3.20\nCOPY a /a\n', []],
  ['ONBUILD ADD', 'FROM alpine:3.20\nONBUILD ADD a /a\n', [2]],
]);

test('DSC4009: span covers the offending sources', async () => {
  const [hit] = await dscHits(DSC4009, 'FROM alpine:3.20\nADD a.txt b.txt /d/\n');
  assert.deepEqual(hit!.span, { start: { line: 2, column: 5 }, end: { line: 2, column: 16 } });
  assert.match(hit!.message, /a\.txt, b\.txt/);
});

test('looksLikeSecretName', () => {
  for (const n of ['PASSWORD', 'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'githubToken', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'API_KEY', 'STRIPE_APIKEY', 'CLIENT_SECRET', 'DB_PASS', 'PRIVATE_KEY', 'SSH_KEY', 'REGISTRY_CREDENTIALS'])
    assert.equal(looksLikeSecretName(n), true, n);
  for (const n of ['PWD', 'PATH', 'HOME', 'PASSWORD_FILE', 'DB_PASSWORD_PATH', 'PUBLIC_KEY', 'TOKEN_URL', 'AWS_ACCESS_KEY_ID', 'KEY', 'NODE_ENV', 'TOKENIZERS_PARALLELISM', 'SECRET_KEY_BASE_FILE', 'PASSWORD_MIN_LENGTH'])
    assert.equal(looksLikeSecretName(n), false, n);
});

test('secretFileKind', () => {
  for (const s of ['id_rsa', '.ssh/id_ed25519', 'server.key', 'tls/private.pem', '.env', 'config/.env.production', '.npmrc', '.pypirc', 'credentials', '.aws/credentials', 'home/.docker/config.json', 'cert.p12', 'store.pfx', '.git-credentials', '.netrc'])
    assert.ok(secretFileKind(s) !== undefined, s);
  for (const s of ['id_rsa.pub', 'ca.pem', 'certs/fullchain.pem', 'cacert.pem', '.env.example', '.env.sample', 'config.json', 'app.js', '.', 'keys/'])
    assert.equal(secretFileKind(s), undefined, s);
});

test('maskSecret never shows a value in full', () => {
  assert.equal(maskSecret('s3cr3t-pass'), 's3***');
  assert.equal(maskSecret('abcd'), '***');
  assert.equal(maskSecret('a'), '***');
});

table(DSC4010, [
  ['ENV literal password', 'FROM alpine:3.20\nENV DB_PASSWORD=hunter22\n', [2]],
  ['legacy ENV form', 'FROM alpine:3.20\nENV API_KEY abcdef123456\n', [2]],
  ['two secrets in one ENV', 'FROM alpine:3.20\nENV A_TOKEN=aaaaaa B_SECRET=bbbbbb C=1\n', [2, 2]],
  ['empty value', 'FROM alpine:3.20\nENV DB_PASSWORD=""\n', []],
  ['variable reference', 'FROM alpine:3.20\nARG PW\nENV DB_PASSWORD=$PW\n', []],
  ['toggle value', 'FROM alpine:3.20\nENV REQUIRE_TOKEN=true\n', []],
  ['ARG without default', 'FROM alpine:3.20\nARG NPM_TOKEN\n', []],
  ['global ARG with default', 'ARG GITHUB_TOKEN=ghp_123456789\nFROM alpine:3.20\n', [1]],
  ['ONBUILD ENV', 'FROM alpine:3.20\nONBUILD ENV SECRET=abcdefgh\n', [2]],
  ['COPY of a private key and a template', 'FROM alpine:3.20\nCOPY server.key .env.example /app/\n', [2]],
  ['COPY --from with .env', 'FROM alpine:3.20 AS b\nRUN true\nFROM alpine:3.20\nCOPY --from=b /src/.env /app/.env\n', [4]],
  ['ADD of .netrc', 'FROM alpine:3.20\nADD .netrc /root/.netrc\n', [2]],
  ['COPY . is not judged', 'FROM alpine:3.20\nCOPY . /app\n', []],
]);

test('DSC4010: secret values are masked in every message', async () => {
  const hits = await dscHits(DSC4010, 'FROM alpine:3.20\nENV DB_PASSWORD=hunter22 API_TOKEN=abc\nARG AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n');
  assert.equal(hits.length, 3);
  for (const h of hits) for (const secret of ['hunter22', 'abc', 'wJalrXUtnFEMI']) assert.ok(!h.message.includes(secret), h.message);
  assert.match(hits[0]!.message, /\(hu\*\*\*\)/);
  assert.match(hits[1]!.message, /\(\*\*\*\)/);
  assert.deepEqual(hits[0]!.span!.start, { line: 2, column: 5 });
});

table(DSC5001, [
  ['-k', 'FROM alpine:3.20\nRUN curl -k https://x\n', [2]],
  ['clustered -sSLk', 'FROM alpine:3.20\nRUN curl -sSLk https://x\n', [2]],
  ['--insecure', 'FROM alpine:3.20\nRUN curl --insecure https://x\n', [2]],
  ['-K is a config file', 'FROM alpine:3.20\nRUN curl -K cfg https://x\n', []],
  ['after -- the word is a URL', 'FROM alpine:3.20\nRUN curl -- -k\n', []],
  ['other command with -k', 'FROM alpine:3.20\nRUN ssh-keygen -k\n', []],
  ['env wrapper', 'FROM alpine:3.20\nRUN env HOME=/tmp curl -k https://x\n', [2]],
  ['xargs wrapper', 'FROM alpine:3.20\nRUN cat urls | xargs -n 1 curl -k -O\n', [2]],
  ['inside $(...)', 'FROM alpine:3.20\nRUN echo "$(curl -k https://x)"\n', [2]],
  ['ONBUILD RUN', 'FROM alpine:3.20\nONBUILD RUN curl -k https://x\n', [2]],
  ['CMD is not checked (runtime, not build)', 'FROM alpine:3.20\nCMD curl -k https://localhost/\n', []],
  ['heredoc body', 'FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -k https://x\nEOF\n', [2]],
]);

test('DSC5001: span is the flag word', async () => {
  const [hit] = await dscHits(DSC5001, 'FROM alpine:3.20\nRUN curl -fsSLk https://x\n');
  assert.deepEqual(hit!.span, { start: { line: 2, column: 10 }, end: { line: 2, column: 16 } });
});

table(DSC5002, [
  ['flag', 'FROM alpine:3.20\nRUN wget --no-check-certificate https://x\n', [2]],
  ['busybox wget', 'FROM alpine:3.20\nRUN busybox wget --no-check-certificate https://x\n', [2]],
  ['wgetrc via printf', 'FROM alpine:3.20\nRUN printf "check_certificate=off\\n" > /root/.wgetrc\n', [2]],
  ['plain wget', 'FROM alpine:3.20\nRUN wget -q https://x\n', []],
]);

table(DSC5003, [
  ['pip3', 'FROM python:3.12\nRUN pip3 install --trusted-host=pypi.internal x\n', [2]],
  ['python -m pip', 'FROM python:3.12\nRUN python3 -m pip install --trusted-host h x\n', [2]],
  ['pip config', 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.internal\n', [2]],
  ['ARG PIP_TRUSTED_HOST', 'FROM python:3.12\nARG PIP_TRUSTED_HOST=h\n', [2]],
  ['ARG PIP_TRUSTED_HOST without value', 'FROM python:3.12\nARG PIP_TRUSTED_HOST\n', []],
  ['index-url only', 'FROM python:3.12\nRUN pip install --index-url https://pypi.internal/simple x\n', []],
]);

table(DSC5004, [
  ['allow-untrusted', 'FROM alpine:3.20\nRUN apk add --allow-untrusted x.apk\n', [2]],
  ['plain add', 'FROM alpine:3.20\nRUN apk add --no-cache x\n', []],
]);

table(DSC5005, [
  ['--allow-unauthenticated', 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated x\n', [2]],
  ['--allow-insecure-repositories', 'FROM debian:12\nRUN apt-get update --allow-insecure-repositories\n', [2]],
  ['--force-yes', 'FROM debian:12\nRUN apt-get install -y --force-yes x\n', [2]],
  ['-o separate', 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=1 install x\n', [2]],
  ['-o attached', 'FROM debian:12\nRUN apt-get -oAcquire::AllowInsecureRepositories=true update\n', [2]],
  ['Verify-Peer false', 'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n', [2]],
  ['apt.conf via echo', 'FROM debian:12\nRUN echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/99x\n', [2]],
  ['harmless -o', 'FROM debian:12\nRUN apt-get -o Acquire::Retries=3 update && apt-get install -y x\n', []],
  ['AllowUnauthenticated=false', 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=false install x\n', []],
  ['two flags: one finding per command', 'FROM debian:12\nRUN apt-get install --force-yes --allow-unauthenticated x\n', [2]],
]);

table(DSC5006, [
  ['yum --nogpgcheck', 'FROM centos:7\nRUN yum install -y --nogpgcheck x\n', [2]],
  ['tdnf --nogpgcheck', 'FROM photon:5.0\nRUN tdnf install -y --nogpgcheck x\n', [2]],
  ['--setopt gpgcheck', 'FROM fedora:40\nRUN dnf install -y --setopt=gpgcheck=0 x\n', [2]],
  ['repo_gpgcheck=false via echo', 'FROM fedora:40\nRUN echo "repo_gpgcheck=false" >> /etc/yum.repos.d/x.repo\n', [2]],
  ['zypper --no-gpg-checks', 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y x\n', [2]],
  ['gpgcheck=1', 'FROM fedora:40\nRUN echo gpgcheck=1 >> /etc/yum.repos.d/x.repo\n', []],
  ['not a gpgcheck word', 'FROM fedora:40\nRUN echo nogpgcheck_enabled=0\n', []],
]);

table(DSC5007, [
  ['--nosignature', 'FROM fedora:40\nRUN rpm -i --nosignature x.rpm\n', [2]],
  ['--nodigest', 'FROM fedora:40\nRUN rpm -U --nodigest x.rpm\n', [2]],
  ['--nosig', 'FROM fedora:40\nRUN rpm -i --nosig x.rpm\n', [2]],
  ['_pkgverify_level none', 'FROM fedora:40\nRUN rpm --define "_pkgverify_level none" -i x.rpm\n', [2]],
  ['rpm -qa', 'FROM fedora:40\nRUN rpm -qa\n', []],
  ['--nodeps is fine here', 'FROM fedora:40\nRUN rpm -i --nodeps x.rpm\n', []],
]);

table(DSC5008, [
  ['ENV', 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\n', [2]],
  ['export', 'FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n', [2]],
  ['env wrapper', 'FROM node:20\nRUN env NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n', [2]],
  ['bare assignment statement', 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0; npm ci\n', [2]],
  ['quoted "0"', 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED="0"\n', [2]],
  ['value 1', 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci\n', []],
  ['ONBUILD ENV', 'FROM node:20\nONBUILD ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', [2]],
]);

table(DSC5009, [
  ['npm set key=value', 'FROM node:20\nRUN npm set strict-ssl=false\n', [2]],
  ['--no-strict-ssl', 'FROM node:20\nRUN npm ci --no-strict-ssl\n', [2]],
  ['--strict-ssl false', 'FROM node:20\nRUN npm ci --strict-ssl false\n', [2]],
  ['yarn berry enableStrictSsl', 'FROM node:20\nRUN yarn config set enableStrictSsl false\n', [2]],
  ['pnpm', 'FROM node:20\nRUN pnpm config set strict-ssl false\n', [2]],
  ['.npmrc via echo', 'FROM node:20\nRUN echo "strict-ssl=false" >> ~/.npmrc\n', [2]],
  ['lower-case env', 'FROM node:20\nENV npm_config_strict_ssl=false\n', [2]],
  ['ENV true', 'FROM node:20\nENV NPM_CONFIG_STRICT_SSL=true\n', []],
  ['--strict-ssl=true', 'FROM node:20\nRUN npm ci --strict-ssl=true\n', []],
]);

table(DSC5010, [
  ['ENV with false still disables', 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=false\n', [2]],
  ['ARG without default is not set', 'FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY\n', []],
  ['export', 'FROM alpine:3.20\nRUN export GIT_SSL_NO_VERIFY=1 && git clone https://x/y.git\n', [2]],
  ['git config --system http.<url>.sslVerify', 'FROM alpine:3.20\nRUN git config --system http.https://git.internal/.sslVerify false\n', [2]],
  ['git config sslVerify true', 'FROM alpine:3.20\nRUN git config --global http.sslVerify true\n', []],
  ['git -c attached', 'FROM alpine:3.20\nRUN git -chttp.sslverify=0 clone https://x/y.git\n', [2]],
  ['git -c other setting', 'FROM alpine:3.20\nRUN git -c advice.detachedHead=false clone https://x/y.git\n', []],
]);

table(DSC5011, [
  ['ARG', 'FROM python:3.12\nARG PYTHONHTTPSVERIFY=0\n', [2]],
  ['prefix', 'FROM python:3.12\nRUN PYTHONHTTPSVERIFY=0 pip install x\n', [2]],
  ['value 1', 'FROM python:3.12\nENV PYTHONHTTPSVERIFY=1\n', []],
]);
