/**
 * Table-driven tests for the Hadolint rules DL3030–DL3067 and DL4000–DL4006: exact finding lines for
 * each case (including Hadolint's quirks), every rule's documented examples, and the label validators.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';
import { countsOf, hitsOf, linesOf } from './helpers-dl3030-4006.js';
import { isEmail, isGitHash, isRfc3339, isSemver, isSpdxId, isUri } from '../../src/rules/dockerfile/util/validators.js';
import { rpmPackagePinned } from '../../src/rules/dockerfile/util/rpm-pin.js';
import { labelKeyProblem } from '../../src/rules/dockerfile/DL3048.js';
import { looksSecret } from '../../src/rules/dockerfile/DL3064.js';

import { rule as DL3030 } from '../../src/rules/dockerfile/DL3030.js';
import { rule as DL3032 } from '../../src/rules/dockerfile/DL3032.js';
import { rule as DL3033 } from '../../src/rules/dockerfile/DL3033.js';
import { rule as DL3034 } from '../../src/rules/dockerfile/DL3034.js';
import { rule as DL3035 } from '../../src/rules/dockerfile/DL3035.js';
import { rule as DL3036 } from '../../src/rules/dockerfile/DL3036.js';
import { rule as DL3037 } from '../../src/rules/dockerfile/DL3037.js';
import { rule as DL3038 } from '../../src/rules/dockerfile/DL3038.js';
import { rule as DL3040 } from '../../src/rules/dockerfile/DL3040.js';
import { rule as DL3041 } from '../../src/rules/dockerfile/DL3041.js';
import { rule as DL3042 } from '../../src/rules/dockerfile/DL3042.js';
import { rule as DL3043 } from '../../src/rules/dockerfile/DL3043.js';
import { rule as DL3044 } from '../../src/rules/dockerfile/DL3044.js';
import { rule as DL3045 } from '../../src/rules/dockerfile/DL3045.js';
import { rule as DL3046 } from '../../src/rules/dockerfile/DL3046.js';
import { rule as DL3047 } from '../../src/rules/dockerfile/DL3047.js';
import { rule as DL3048 } from '../../src/rules/dockerfile/DL3048.js';
import { rule as DL3049 } from '../../src/rules/dockerfile/DL3049.js';
import { rule as DL3050 } from '../../src/rules/dockerfile/DL3050.js';
import { rule as DL3051 } from '../../src/rules/dockerfile/DL3051.js';
import { rule as DL3052 } from '../../src/rules/dockerfile/DL3052.js';
import { rule as DL3053 } from '../../src/rules/dockerfile/DL3053.js';
import { rule as DL3054 } from '../../src/rules/dockerfile/DL3054.js';
import { rule as DL3055 } from '../../src/rules/dockerfile/DL3055.js';
import { rule as DL3056 } from '../../src/rules/dockerfile/DL3056.js';
import { rule as DL3057 } from '../../src/rules/dockerfile/DL3057.js';
import { rule as DL3058 } from '../../src/rules/dockerfile/DL3058.js';
import { rule as DL3059 } from '../../src/rules/dockerfile/DL3059.js';
import { rule as DL3060 } from '../../src/rules/dockerfile/DL3060.js';
import { rule as DL3061 } from '../../src/rules/dockerfile/DL3061.js';
import { rule as DL3062 } from '../../src/rules/dockerfile/DL3062.js';
import { rule as DL3063 } from '../../src/rules/dockerfile/DL3063.js';
import { rule as DL3064 } from '../../src/rules/dockerfile/DL3064.js';
import { rule as DL3065 } from '../../src/rules/dockerfile/DL3065.js';
import { rule as DL3066 } from '../../src/rules/dockerfile/DL3066.js';
import { rule as DL3067 } from '../../src/rules/dockerfile/DL3067.js';
import { rule as DL4000 } from '../../src/rules/dockerfile/DL4000.js';
import { rule as DL4001 } from '../../src/rules/dockerfile/DL4001.js';
import { rule as DL4003 } from '../../src/rules/dockerfile/DL4003.js';
import { rule as DL4004 } from '../../src/rules/dockerfile/DL4004.js';
import { rule as DL4005 } from '../../src/rules/dockerfile/DL4005.js';
import { rule as DL4006 } from '../../src/rules/dockerfile/DL4006.js';

const RULES: DockerfileRule[] = [
  DL3030, DL3032, DL3033, DL3034, DL3035, DL3036, DL3037, DL3038, DL3040, DL3041, DL3042, DL3043, DL3044,
  DL3045, DL3046, DL3047, DL3048, DL3049, DL3050, DL3051, DL3052, DL3053, DL3054, DL3055, DL3056, DL3057,
  DL3058, DL3059, DL3060, DL3061, DL3062, DL3063, DL3064, DL3065, DL3066, DL3067, DL4000, DL4001, DL4003,
  DL4004, DL4005, DL4006,
];

/** Joins lines into a Dockerfile text (trailing newline included). */
const df = (...lines: string[]): string => lines.join('\n') + '\n';

interface Case {
  name: string;
  text: string;
  lines: number[];
  config?: Record<string, unknown>;
}

const F = 'FROM debian:12';
const SCHEMA = (schema: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  labelSchema: schema,
  ...extra,
});

const CASES: Record<string, Case[]> = {
  DL3030: [
    { name: 'install without -y', text: df(F, 'RUN yum install httpd-2.4'), lines: [2] },
    { name: 'groupinstall without -y', text: df(F, 'RUN yum groupinstall "Dev Tools"'), lines: [2] },
    { name: 'localinstall without -y', text: df(F, 'RUN yum localinstall ./a.rpm'), lines: [2] },
    { name: '-y', text: df(F, 'RUN yum install -y httpd-2.4'), lines: [] },
    { name: '-qy cluster', text: df(F, 'RUN yum -qy install httpd-2.4'), lines: [] },
    { name: '--assumeyes', text: df(F, 'RUN yum install --assumeyes httpd-2.4'), lines: [] },
    { name: 'other verbs', text: df(F, 'RUN yum update && yum remove x'), lines: [] },
    { name: 'full path not matched', text: df(F, 'RUN /usr/bin/yum install x'), lines: [] },
    { name: 'one finding per RUN', text: df(F, 'RUN yum install a-1 && yum install b-1'), lines: [2] },
    { name: 'ONBUILD payload at wrapper line', text: df(F, 'ONBUILD RUN yum install a-1'), lines: [2] },
    { name: 'exec form', text: df(F, 'RUN ["yum", "install", "a-1"]'), lines: [2] },
  ],
  DL3032: [
    { name: 'no clean', text: df(F, 'RUN yum install -y a-1'), lines: [2] },
    { name: 'clean after', text: df(F, 'RUN yum install -y a-1 && yum clean all'), lines: [] },
    { name: 'clean before', text: df(F, 'RUN yum clean all && yum install -y a-1'), lines: [2] },
    { name: 'quirk: yum clean metadata counts (OR)', text: df(F, 'RUN yum install -y a-1 && yum clean metadata'), lines: [] },
    { name: 'quirk: any rm -rf counts', text: df(F, 'RUN yum install -y a-1 && rm -rf /tmp/x'), lines: [] },
    { name: 'rm of yum cache', text: df(F, 'RUN yum install -y a-1 && rm -r /var/cache/yum/*'), lines: [] },
    { name: 'clean in another RUN', text: df(F, 'RUN yum install -y a-1', 'RUN yum clean all'), lines: [2] },
    { name: 'no install', text: df(F, 'RUN yum update -y'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN yum install -y a-1'), lines: [2] },
  ],
  DL3033: [
    { name: 'unpinned', text: df(F, 'RUN yum install -y httpd'), lines: [2] },
    { name: 'pinned', text: df(F, 'RUN yum install -y httpd-2.4.6'), lines: [] },
    { name: 'epoch and release', text: df(F, 'RUN yum install -y httpd-1:2.4.6-97.el7'), lines: [] },
    { name: 'dash in name only', text: df(F, 'RUN yum install -y python3-devel'), lines: [2] },
    { name: 'name with dashes then version', text: df(F, 'RUN yum install -y python3-devel-3.6.8'), lines: [] },
    { name: '.rpm file', text: df(F, 'RUN yum install -y ./pkg-1.0-1.x86_64.rpm'), lines: [] },
    { name: 'quirk: .rpm without a dash is not enough', text: df(F, 'RUN yum install -y ./pkg.rpm'), lines: [2] },
    { name: 'ARG version', text: df(F, 'ARG V=1', 'RUN yum install -y httpd-${V}'), lines: [] },
    { name: 'ARG before FROM counts', text: df('ARG V=1', F, 'RUN yum install -y httpd-$V'), lines: [] },
    { name: 'deviation: undeclared variable not judged', text: df(F, 'RUN yum install -y httpd-${V}'), lines: [] },
    { name: 'deviation: package list variable not judged', text: df(F, 'RUN yum install -y $PKGS curl'), lines: [2] },
    { name: 'module without stream', text: df(F, 'RUN yum module install -y nodejs'), lines: [2] },
    { name: 'module with stream', text: df(F, 'RUN yum module install -y nodejs:14'), lines: [] },
    { name: 'message names packages', text: df(F, 'RUN yum install -y curl git-2.1 vim'), lines: [2] },
  ],
  DL3034: [
    { name: 'install', text: df(F, 'RUN zypper install a=1'), lines: [2] },
    { name: 'rm', text: df(F, 'RUN zypper rm a'), lines: [2] },
    { name: 'si', text: df(F, 'RUN zypper si a'), lines: [2] },
    { name: '-n', text: df(F, 'RUN zypper -n install a=1'), lines: [] },
    { name: '-y', text: df(F, 'RUN zypper install -y a=1'), lines: [] },
    { name: '--no-confirm', text: df(F, 'RUN zypper patch --no-confirm'), lines: [] },
    { name: '--non-interactive', text: df(F, 'RUN zypper --non-interactive in a=1'), lines: [] },
    { name: 'refresh is fine', text: df(F, 'RUN zypper refresh'), lines: [] },
  ],
  DL3035: [
    { name: 'dist-upgrade', text: df(F, 'RUN zypper -n dist-upgrade'), lines: [2] },
    { name: 'dup', text: df(F, 'RUN zypper dup -y'), lines: [2] },
    { name: 'update is fine', text: df(F, 'RUN zypper -n update'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN zypper dup'), lines: [2] },
  ],
  DL3036: [
    { name: 'no clean', text: df(F, 'RUN zypper -n install a=1'), lines: [2] },
    { name: 'in, no clean', text: df(F, 'RUN zypper -n in a=1'), lines: [2] },
    { name: 'clean after', text: df(F, 'RUN zypper -n install a=1 && zypper clean'), lines: [] },
    { name: 'cc after', text: df(F, 'RUN zypper -n install a=1 && zypper cc -a'), lines: [] },
    { name: 'clean before', text: df(F, 'RUN zypper clean && zypper -n install a=1'), lines: [2] },
    { name: 'cache mount', text: df(F, 'RUN --mount=type=cache,target=/var/cache/zypp zypper -n install a=1'), lines: [] },
    { name: 'bind mount is no exemption', text: df(F, 'RUN --mount=type=bind,target=/var/cache/zypp zypper -n install a=1'), lines: [2] },
  ],
  DL3037: [
    { name: 'unpinned', text: df(F, 'RUN zypper -n install httpd'), lines: [2] },
    { name: '=', text: df(F, 'RUN zypper -n install httpd=2.4'), lines: [] },
    { name: '>=', text: df(F, 'RUN zypper -n install "httpd>=2.4"'), lines: [] },
    { name: '<', text: df(F, 'RUN zypper -n in "httpd<3"'), lines: [] },
    { name: '.rpm', text: df(F, 'RUN zypper -n in ./x.rpm'), lines: [] },
    { name: 'one unpinned among pinned', text: df(F, 'RUN zypper -n in a=1 b'), lines: [2] },
    { name: 'deviation: variables not judged', text: df(F, 'RUN zypper -n in $PKGS'), lines: [] },
    { name: 'remove is not checked', text: df(F, 'RUN zypper -n rm httpd'), lines: [] },
  ],
  DL3038: [
    { name: 'dnf install', text: df(F, 'RUN dnf install a-1'), lines: [2] },
    { name: 'microdnf install', text: df(F, 'RUN microdnf install a-1'), lines: [2] },
    { name: 'dnf groupinstall', text: df(F, 'RUN dnf groupinstall x'), lines: [2] },
    { name: '-y', text: df(F, 'RUN dnf install -y a-1'), lines: [] },
    { name: '--assumeyes', text: df(F, 'RUN microdnf --assumeyes install a-1'), lines: [] },
    { name: 'yum is not dnf', text: df(F, 'RUN yum install a-1'), lines: [] },
  ],
  DL3040: [
    { name: 'no clean', text: df(F, 'RUN dnf install -y a-1'), lines: [2] },
    { name: 'clean all after', text: df(F, 'RUN dnf install -y a-1 && dnf clean all'), lines: [] },
    { name: 'clean before', text: df(F, 'RUN dnf clean all && dnf install -y a-1'), lines: [2] },
    { name: 'upgrade counts as install', text: df(F, 'RUN dnf upgrade -y'), lines: [2] },
    { name: 'reinstall', text: df(F, 'RUN microdnf reinstall -y a'), lines: [2] },
    { name: 'microdnf clean', text: df(F, 'RUN microdnf install -y a-1 && microdnf clean all'), lines: [] },
    { name: 'dnf clean does not cover microdnf', text: df(F, 'RUN microdnf install -y a-1 && dnf clean all'), lines: [2] },
    { name: 'rm -rf counts', text: df(F, 'RUN dnf install -y a-1 && rm -rf /var/cache/libdnf5'), lines: [] },
    { name: 'cache mount', text: df(F, 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y a-1'), lines: [] },
    { name: 'user cache mount', text: df(F, 'RUN --mount=type=cache,target=/root/.cache/libdnf5 dnf install -y a-1'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN dnf install -y a-1'), lines: [2] },
  ],
  DL3041: [
    { name: 'unpinned', text: df(F, 'RUN dnf install -y httpd'), lines: [2] },
    { name: 'microdnf unpinned', text: df(F, 'RUN microdnf install -y httpd'), lines: [2] },
    { name: 'pinned', text: df(F, 'RUN dnf install -y httpd-2.4.58'), lines: [] },
    { name: 'name-only dashes', text: df(F, 'RUN dnf install -y python3-pip'), lines: [2] },
    { name: 'group install skipped', text: df(F, 'RUN dnf group install -y "Dev Tools"'), lines: [] },
    { name: 'module needs stream', text: df(F, 'RUN dnf module install -y nodejs'), lines: [2] },
    { name: 'module with stream', text: df(F, 'RUN dnf module install -y nodejs:20/common'), lines: [] },
    { name: 'ARG variable', text: df(F, 'ARG HV=2.4', 'RUN dnf install -y httpd-${HV}'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN dnf install -y httpd'), lines: [2] },
    { name: 'deviation: variables not judged', text: df(F, 'RUN dnf install -y ${PKGS}'), lines: [] },
  ],
  DL3042: [
    { name: 'pip install', text: df(F, 'RUN pip install a==1'), lines: [2] },
    { name: 'pip3 install', text: df(F, 'RUN pip3 install a==1'), lines: [2] },
    { name: 'python -m pip install', text: df(F, 'RUN python3 -m pip install a==1'), lines: [2] },
    { name: '--no-cache-dir', text: df(F, 'RUN pip install --no-cache-dir a==1'), lines: [] },
    { name: 'pipx is exempt', text: df(F, 'RUN pipx install black'), lines: [] },
    { name: 'pipenv is exempt', text: df(F, 'RUN pipenv install'), lines: [] },
    { name: 'python -m pipx', text: df(F, 'RUN python -m pipx install black'), lines: [] },
    { name: 'ENV truthy', text: df(F, 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install a==1'), lines: [] },
    { name: 'ENV yes', text: df(F, 'ENV PIP_NO_CACHE_DIR=yes', 'RUN pip install a==1'), lines: [] },
    { name: 'ENV falsy', text: df(F, 'ENV PIP_NO_CACHE_DIR=0', 'RUN pip install a==1'), lines: [3] },
    { name: 'ENV after RUN', text: df(F, 'RUN pip install a==1', 'ENV PIP_NO_CACHE_DIR=1'), lines: [2] },
    { name: 'inline assignment', text: df(F, 'RUN PIP_NO_CACHE_DIR=1 pip install a==1'), lines: [] },
    { name: 'inline false', text: df(F, 'RUN PIP_NO_CACHE_DIR=false pip install a==1'), lines: [2] },
    { name: 'ENV inherited from parent', text: df(`${F} AS base`, 'ENV PIP_NO_CACHE_DIR=1', 'FROM base', 'RUN pip install a==1'), lines: [] },
    { name: 'ENV not inherited by unrelated stage', text: df(`${F} AS base`, 'ENV PIP_NO_CACHE_DIR=1', 'FROM python:3', 'RUN pip install a==1'), lines: [4] },
    { name: 'cache mount', text: df(F, 'RUN --mount=type=cache,target=/root/.cache/pip pip install a==1'), lines: [] },
    { name: 'deviation: same image is not a parent', text: df(F, 'ENV PIP_NO_CACHE_DIR=1', F, 'RUN pip install a==1'), lines: [4] },
    { name: 'ONBUILD ENV covers ONBUILD RUN', text: df(F, 'ONBUILD ENV PIP_NO_CACHE_DIR=1', 'ONBUILD RUN pip install a==1'), lines: [] },
    { name: 'normal ENV does not cover ONBUILD RUN', text: df(F, 'ENV PIP_NO_CACHE_DIR=1', 'ONBUILD RUN pip install a==1'), lines: [3] },
    { name: 'pip download is fine', text: df(F, 'RUN pip download a==1'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN pip install a==1'), lines: [2] },
    { name: 'heredoc body', text: df(F, 'RUN <<EOF', 'set -e', 'pip install a==1', 'EOF'), lines: [2] },
  ],
  DL3043: [
    { name: 'ONBUILD FROM', text: df(F, 'ONBUILD FROM alpine:3'), lines: [2] },
    { name: 'ONBUILD MAINTAINER', text: df(F, 'ONBUILD MAINTAINER me'), lines: [2] },
    { name: 'ONBUILD ONBUILD', text: df(F, 'ONBUILD ONBUILD RUN true'), lines: [2] },
    { name: 'ONBUILD RUN', text: df(F, 'ONBUILD RUN true'), lines: [] },
    { name: 'lower-case keyword', text: df(F, 'onbuild from alpine:3'), lines: [2] },
  ],
  DL3044: [
    { name: 'self reference braces', text: df(F, 'ENV A=1 B=${A}'), lines: [2] },
    { name: 'self reference bare', text: df(F, 'ENV A=1 B=$A/x'), lines: [2] },
    { name: 'bare at end', text: df(F, 'ENV A=1 B=x$A'), lines: [2] },
    { name: 'longer name is not a reference', text: df(F, 'ENV A=1 B=$AB'), lines: [] },
    { name: 'modifier form not matched', text: df(F, 'ENV A=1 B=${A:-x}'), lines: [] },
    { name: 'own value is fine', text: df(F, 'ENV PATH=/x:$PATH'), lines: [] },
    { name: 'reference to later pair', text: df(F, 'ENV B=$A A=1'), lines: [2] },
    { name: 'defined before by ENV', text: df(F, 'ENV A=0', 'ENV A=1 B=$A'), lines: [] },
    { name: 'defined before by ARG', text: df(F, 'ARG A', 'ENV A=1 B=$A'), lines: [] },
    { name: 'defined in an earlier stage still counts', text: df(F, 'ENV A=0', F, 'ENV A=1 B=$A'), lines: [] },
    { name: 'separate ENVs', text: df(F, 'ENV A=1', 'ENV B=$A'), lines: [] },
  ],
  DL3045: [
    { name: 'relative without WORKDIR', text: df(F, 'COPY a b'), lines: [2] },
    { name: 'dot destination', text: df(F, 'COPY a .'), lines: [2] },
    { name: 'absolute', text: df(F, 'COPY a /b'), lines: [] },
    { name: 'quoted absolute', text: df(F, 'COPY ["a", "/b/"]'), lines: [] },
    { name: 'variable', text: df(F, 'COPY a $HOME/b'), lines: [] },
    { name: 'windows path', text: df(F, 'COPY a c:/b'), lines: [] },
    { name: 'windows backslash path', text: df('# escape=`', F, 'COPY a C:\\b'), lines: [] },
    { name: 'drive letter with default escape (c:\\b reads c:b)', text: df(F, 'COPY a c:\\system32\\b'), lines: [] },
    { name: 'WORKDIR before', text: df(F, 'WORKDIR /app', 'COPY a b'), lines: [] },
    { name: 'WORKDIR after', text: df(F, 'COPY a b', 'WORKDIR /app'), lines: [2] },
    { name: 'WORKDIR inherited from alias', text: df(`${F} AS base`, 'WORKDIR /app', 'FROM base', 'COPY a b'), lines: [] },
    { name: 'not inherited by other stage', text: df(`${F} AS base`, 'WORKDIR /app', F, 'COPY a b'), lines: [4] },
    { name: 'WORKDIR before FROM does not carry', text: df('WORKDIR /app', F, 'COPY a b'), lines: [3] },
    { name: 'deviation: same image is not a parent', text: df(F, 'WORKDIR /app', F, 'COPY a b'), lines: [4] },
    { name: 'parent named in other letter case', text: df(`${F} AS Base`, 'WORKDIR /app', 'FROM base', 'COPY a b'), lines: [] },
    { name: 'ADD is not checked', text: df(F, 'ADD a.tar b'), lines: [] },
    { name: 'ONBUILD COPY is not checked', text: df(F, 'ONBUILD COPY a b'), lines: [] },
  ],
  DL3046: [
    { name: 'long uid', text: df(F, 'RUN useradd -u 123456 app'), lines: [2] },
    { name: 'five digits', text: df(F, 'RUN useradd -u 12345 app'), lines: [] },
    { name: '-l', text: df(F, 'RUN useradd -l -u 123456 app'), lines: [] },
    { name: '--no-log-init', text: df(F, 'RUN useradd --no-log-init -u 123456 app'), lines: [] },
    { name: 'quirk: --uid value is not read', text: df(F, 'RUN useradd --uid 123456 app'), lines: [] },
    { name: 'no uid', text: df(F, 'RUN useradd app'), lines: [] },
  ],
  DL3047: [
    { name: 'plain wget', text: df(F, 'RUN wget http://x/y'), lines: [2] },
    { name: '--progress', text: df(F, 'RUN wget --progress=dot:giga http://x/y'), lines: [] },
    { name: '-q', text: df(F, 'RUN wget -q http://x/y'), lines: [] },
    { name: '-qO- cluster', text: df(F, 'RUN wget -qO- http://x/y'), lines: [] },
    { name: '-nv', text: df(F, 'RUN wget -nv http://x/y'), lines: [] },
    { name: '--no-verbose', text: df(F, 'RUN wget --no-verbose http://x/y'), lines: [] },
    { name: '-o log', text: df(F, 'RUN wget -o /dev/null http://x/y'), lines: [] },
    { name: '--append-output', text: df(F, 'RUN wget --append-output=log http://x/y'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN wget http://x/y'), lines: [2] },
  ],
  DL3048: [
    { name: 'upper case', text: df(F, 'LABEL Version=1'), lines: [2] },
    { name: 'starts with digit', text: df(F, 'LABEL 1abc=1'), lines: [2] },
    { name: 'ends with dot', text: df(F, 'LABEL abc.=1'), lines: [2] },
    { name: 'double dot', text: df(F, 'LABEL a..b=1'), lines: [2] },
    { name: 'double dash', text: df(F, 'LABEL a--b=1'), lines: [2] },
    { name: 'reserved namespace', text: df(F, 'LABEL io.docker.x=1'), lines: [2] },
    { name: 'valid reverse dns', text: df(F, 'LABEL org.opencontainers.image.title=x'), lines: [] },
    { name: 'underscore and slash allowed', text: df(F, 'LABEL com.example/some_key=x'), lines: [] },
    { name: 'one finding per LABEL', text: df(F, 'LABEL A=1 B=2'), lines: [2] },
    { name: 'several LABELs', text: df(F, 'LABEL A=1', 'LABEL ok=1', 'LABEL B=2'), lines: [2, 4] },
  ],
  DL3049: [
    { name: 'missing', text: df(F, 'LABEL other=x'), lines: [1], config: SCHEMA({ maintainer: 'text' }) },
    { name: 'present', text: df(F, 'LABEL maintainer=x'), lines: [], config: SCHEMA({ maintainer: 'text' }) },
    { name: 'no schema, nothing', text: df(F), lines: [] },
    { name: 'one per label and stage', text: df(F), lines: [1, 1], config: SCHEMA({ a: 'text', b: 'text' }) },
    { name: 'each stage', text: df(`${F} AS a`, 'LABEL x=1', F), lines: [3], config: SCHEMA({ x: 'text' }) },
    { name: 'inherited via alias', text: df(`${F} AS a`, 'LABEL x=1', 'FROM a'), lines: [], config: SCHEMA({ x: 'text' }) },
    {
      name: 'base of a labelled stage excused',
      text: df(`${F} AS a`, 'FROM a', 'LABEL x=1', 'FROM a'),
      lines: [4],
      config: SCHEMA({ x: 'text' }),
    },
    {
      name: 'COPY --from source excused',
      text: df(`${F} AS build`, 'RUN true', F, 'COPY --from=build /a /a', 'LABEL x=1'),
      lines: [],
      config: SCHEMA({ x: 'text' }),
    },
    {
      name: 'deviation: numeric COPY --from excuses too',
      text: df(F, 'RUN true', F, 'COPY --from=0 /a /a', 'LABEL x=1'),
      lines: [],
      config: SCHEMA({ x: 'text' }),
    },
    { name: 'ONBUILD LABEL does not count', text: df(F, 'ONBUILD LABEL x=1'), lines: [1], config: SCHEMA({ x: 'text' }) },
  ],
  DL3050: [
    { name: 'extra label', text: df(F, 'LABEL a=1 b=2'), lines: [2], config: SCHEMA({ a: 'text' }, { strictLabels: true }) },
    { name: 'all in schema', text: df(F, 'LABEL a=1'), lines: [], config: SCHEMA({ a: 'text' }, { strictLabels: true }) },
    { name: 'not strict', text: df(F, 'LABEL b=2'), lines: [], config: SCHEMA({ a: 'text' }) },
    { name: 'strict with empty schema', text: df(F, 'LABEL b=2'), lines: [2], config: { strictLabels: true } },
  ],
  DL3051: [
    { name: 'empty', text: df(F, 'LABEL a=""'), lines: [2], config: SCHEMA({ a: 'text' }) },
    { name: 'empty url label too', text: df(F, 'LABEL a=""'), lines: [2], config: SCHEMA({ a: 'url' }) },
    { name: 'non-empty', text: df(F, 'LABEL a=x'), lines: [], config: SCHEMA({ a: 'text' }) },
    { name: 'not in schema', text: df(F, 'LABEL b=""'), lines: [], config: SCHEMA({ a: 'text' }) },
  ],
  DL3052: [
    { name: 'no scheme', text: df(F, 'LABEL u=example.com'), lines: [2], config: SCHEMA({ u: 'url' }) },
    { name: 'https', text: df(F, 'LABEL u=https://example.com/x?y=1#z'), lines: [], config: SCHEMA({ u: 'url' }) },
    { name: 'mailto', text: df(F, 'LABEL u=mailto:a@example.com'), lines: [], config: SCHEMA({ u: 'url' }) },
    { name: 'space inside', text: df(F, 'LABEL u="https://exa mple.com"'), lines: [2], config: SCHEMA({ u: 'url' }) },
    { name: 'two bad url labels, two findings', text: df(F, 'LABEL u=x v=y'), lines: [2, 2], config: SCHEMA({ u: 'url', v: 'url' }) },
    { name: 'text type not checked', text: df(F, 'LABEL u=x'), lines: [], config: SCHEMA({ u: 'text' }) },
  ],
  DL3053: [
    { name: 'date only', text: df(F, 'LABEL t=2024-01-01'), lines: [2], config: SCHEMA({ t: 'rfc3339' }) },
    { name: 'valid Z', text: df(F, 'LABEL t=2024-01-01T00:00:00Z'), lines: [], config: SCHEMA({ t: 'rfc3339' }) },
    { name: 'valid offset', text: df(F, 'LABEL t=2024-01-01T00:00:00.5-05:30'), lines: [], config: SCHEMA({ t: 'rfc3339' }) },
    { name: 'bad day', text: df(F, 'LABEL t=2023-02-29T00:00:00Z'), lines: [2], config: SCHEMA({ t: 'rfc3339' }) },
  ],
  DL3054: [
    { name: 'expression', text: df(F, 'LABEL l="MIT OR Apache-2.0"'), lines: [2], config: SCHEMA({ l: 'spdx' }) },
    { name: 'valid', text: df(F, 'LABEL l=Apache-2.0'), lines: [], config: SCHEMA({ l: 'spdx' }) },
    { name: 'case-insensitive', text: df(F, 'LABEL l=mit'), lines: [], config: SCHEMA({ l: 'spdx' }) },
    { name: 'unknown', text: df(F, 'LABEL l=proprietary'), lines: [2], config: SCHEMA({ l: 'spdx' }) },
  ],
  DL3055: [
    { name: 'branch name', text: df(F, 'LABEL h=main'), lines: [2], config: SCHEMA({ h: 'hash' }) },
    { name: 'short hash', text: df(F, 'LABEL h=abc1234'), lines: [], config: SCHEMA({ h: 'hash' }) },
    { name: '8 chars', text: df(F, 'LABEL h=abc12345'), lines: [2], config: SCHEMA({ h: 'hash' }) },
  ],
  DL3056: [
    { name: 'leading v', text: df(F, 'LABEL v=v1.0.0'), lines: [2], config: SCHEMA({ v: 'semver' }) },
    { name: 'valid', text: df(F, 'LABEL v=1.0.0-alpha.1+b2'), lines: [], config: SCHEMA({ v: 'semver' }) },
    { name: 'leading zero', text: df(F, 'LABEL v=01.0.0'), lines: [2], config: SCHEMA({ v: 'semver' }) },
  ],
  DL3057: [
    { name: 'missing', text: df(F, 'RUN true'), lines: [1] },
    { name: 'present', text: df(F, 'HEALTHCHECK CMD true'), lines: [] },
    { name: 'NONE counts', text: df(F, 'HEALTHCHECK NONE'), lines: [] },
    { name: 'per stage', text: df(`${F} AS a`, 'HEALTHCHECK CMD true', F, 'RUN true'), lines: [3] },
    { name: 'inherited', text: df(`${F} AS a`, 'HEALTHCHECK CMD true', 'FROM a'), lines: [] },
    { name: 'two stages missing', text: df(`${F} AS a`, 'FROM a'), lines: [1, 2] },
    { name: 'deviation: same image is not a parent', text: df(F, 'HEALTHCHECK CMD true', F), lines: [3] },
    {
      name: 'bases of a checked stage are excused',
      text: df(`${F} AS a`, 'FROM a AS b', 'FROM b AS c', 'HEALTHCHECK NONE'),
      lines: [],
    },
    {
      name: 'only the branch that ends healthy is excused',
      text: df(`${F} AS a`, 'FROM a AS b1', 'FROM a AS b2', 'FROM b1', 'HEALTHCHECK NONE', 'FROM b2'),
      lines: [3, 6],
    },
  ],
  DL3058: [
    { name: 'display name', text: df(F, 'LABEL m="Jane <jane@example.com>"'), lines: [2], config: SCHEMA({ m: 'email' }) },
    { name: 'valid', text: df(F, 'LABEL m=jane.doe+ci@example.co.uk'), lines: [], config: SCHEMA({ m: 'email' }) },
    { name: 'no at', text: df(F, 'LABEL m=jane'), lines: [2], config: SCHEMA({ m: 'email' }) },
  ],
  DL3059: [
    { name: 'two single RUNs', text: df(F, 'RUN a', 'RUN b'), lines: [3] },
    { name: 'three single RUNs', text: df(F, 'RUN a', 'RUN b', 'RUN c'), lines: [3, 4] },
    { name: 'comment between keeps the chain', text: df(F, 'RUN a', '# note', 'RUN b'), lines: [4] },
    { name: 'blank line between keeps the chain', text: df(F, 'RUN a', '', 'RUN b'), lines: [4] },
    { name: 'other instruction breaks it', text: df(F, 'RUN a', 'ENV X=1', 'RUN b'), lines: [] },
    { name: 'ONBUILD breaks it', text: df(F, 'RUN a', 'ONBUILD RUN c', 'RUN b'), lines: [] },
    { name: 'chained first', text: df(F, 'RUN a && b', 'RUN c'), lines: [] },
    { name: 'chained second', text: df(F, 'RUN a', 'RUN b; c'), lines: [] },
    { name: 'pipe counts as two commands', text: df(F, 'RUN a', 'RUN b | c'), lines: [] },
    { name: 'different mounts', text: df(F, 'RUN a', 'RUN --mount=type=cache,target=/x b'), lines: [] },
    { name: 'same mounts', text: df(F, 'RUN --network=none a', 'RUN --network=none b'), lines: [3] },
    { name: 'heredoc RUNs are not merged', text: df(F, 'RUN <<EOF', 'a', 'EOF', 'RUN b'), lines: [] },
    { name: 'exec form', text: df(F, 'RUN ["a"]', 'RUN ["b"]'), lines: [3] },
    {
      name: 'PowerShell scripts cannot be counted',
      text: df(F, 'SHELL ["powershell", "-Command"]', 'RUN $p = (Get-Item C:/x); Write-Host $p', 'RUN $q = (Get-Item C:/y); Write-Host $q'),
      lines: [],
    },
    { name: 'simple PowerShell commands are counted', text: df(F, 'SHELL ["pwsh", "-Command"]', 'RUN Write-Host a', 'RUN Write-Host b'), lines: [4] },
  ],
  DL3060: [
    { name: 'last stage', text: df(F, 'RUN yarn install'), lines: [2] },
    { name: 'cleaned', text: df(F, 'RUN yarn install && yarn cache clean'), lines: [] },
    { name: 'clean before install', text: df(F, 'RUN yarn cache clean && yarn install'), lines: [2] },
    { name: 'cache mount', text: df(F, 'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install'), lines: [] },
    { name: 'build stage only copied from', text: df(`${F} AS b`, 'RUN yarn install', F, 'COPY --from=b /a /a'), lines: [] },
    { name: 'stage used as FROM parent', text: df(`${F} AS b`, 'RUN yarn install', 'FROM b', 'RUN true'), lines: [2] },
    { name: 'deviation: identical FROM lines are different stages', text: df(F, 'RUN yarn install', F, 'RUN true'), lines: [] },
    { name: 'ONBUILD always reported', text: df(`${F} AS b`, 'ONBUILD RUN yarn install', 'FROM alpine:3'), lines: [2] },
    { name: 'yarn add is fine', text: df(F, 'RUN yarn add x'), lines: [] },
  ],
  DL3061: [
    { name: 'LABEL before FROM', text: df('LABEL a=1', F), lines: [1] },
    { name: 'each one reported', text: df('ARG X', 'ENV A=1', 'RUN true', F), lines: [2, 3] },
    { name: 'ARG and comments fine', text: df('# syntax=docker/dockerfile:1', '# c', 'ARG X', F), lines: [] },
    { name: 'ONBUILD before FROM', text: df('ONBUILD RUN true', F), lines: [1] },
    { name: 'after FROM fine', text: df(F, 'ENV A=1'), lines: [] },
  ],
  DL3062: [
    { name: 'unpinned install', text: df(F, 'RUN go install example.com/tool'), lines: [2] },
    { name: '@latest', text: df(F, 'RUN go install example.com/tool@latest'), lines: [2] },
    { name: '@none', text: df(F, 'RUN go get example.com/tool@none'), lines: [2] },
    { name: 'pinned', text: df(F, 'RUN go install example.com/tool@v1.2.3'), lines: [] },
    { name: 'local paths', text: df(F, 'RUN go install . ./cmd/x /src/y'), lines: [] },
    { name: 'go run module', text: df(F, 'RUN go run example.com/tool arg'), lines: [2] },
    { name: 'go run pinned, program args ignored', text: df(F, 'RUN go run example.com/tool@v1 unpinned'), lines: [] },
    { name: 'deviation: go run main.go is local', text: df(F, 'RUN go run main.go'), lines: [] },
    { name: 'quirk: go run hides go install', text: df(F, 'RUN go run ./gen && go install example.com/tool'), lines: [] },
    { name: 'go build ignored', text: df(F, 'RUN go build ./...'), lines: [] },
    { name: 'deviation: variables not judged', text: df(F, 'RUN go install example.com/tool@${V} $EXTRA'), lines: [] },
  ],
  DL3063: [
    { name: 'scratch', text: df(`${F} AS scratch`), lines: [1] },
    { name: 'context', text: df(`${F} AS context`), lines: [1] },
    { name: 'other', text: df(`${F} AS build`), lines: [] },
    { name: 'case-sensitive', text: df(`${F} AS Scratch`), lines: [] },
  ],
  DL3064: [
    { name: 'ARG known name', text: df(F, 'ARG GITHUB_TOKEN'), lines: [2] },
    { name: 'ARG known name lower case', text: df(F, 'ARG github_token'), lines: [2] },
    { name: 'ENV substring', text: df(F, 'ENV DB_PASSWORD=x'), lines: [2] },
    { name: 'ENV second pair', text: df(F, 'ENV A=1 MY_SECRET=2'), lines: [2] },
    { name: 'ARG harmless', text: df(F, 'ARG VERSION=1'), lines: [] },
    { name: 'ONBUILD ARG', text: df(F, 'ONBUILD ARG API_KEY'), lines: [2] },
    { name: 'ARG before FROM', text: df('ARG NPM_TOKEN', F), lines: [1] },
  ],
  DL3065: [
    { name: '$TARGETPLATFORM', text: df('FROM --platform=$TARGETPLATFORM debian:12'), lines: [1] },
    { name: '${TARGETPLATFORM}', text: df('FROM --platform=${TARGETPLATFORM} debian:12'), lines: [1] },
    { name: '$BUILDPLATFORM', text: df('FROM --platform=$BUILDPLATFORM debian:12'), lines: [] },
    { name: 'literal', text: df('FROM --platform=linux/amd64 debian:12'), lines: [] },
  ],
  DL3066: [
    { name: 'name', text: df(F, 'USER app'), lines: [2] },
    { name: 'root', text: df(F, 'USER root'), lines: [2] },
    { name: 'numeric', text: df(F, 'USER 1000'), lines: [] },
    { name: 'numeric with group name', text: df(F, 'USER 1000:app'), lines: [] },
    { name: 'name with numeric group', text: df(F, 'USER app:1000'), lines: [2] },
    { name: 'ARG variable', text: df(F, 'ARG UID=1000', 'USER ${UID}'), lines: [] },
    { name: 'bare ARG variable', text: df(F, 'ARG UID=1000', 'USER $UID'), lines: [] },
    { name: 'ENV variable does not count', text: df(F, 'ENV UID=1000', 'USER $UID'), lines: [3] },
    { name: 'undeclared variable', text: df(F, 'USER $UID'), lines: [2] },
  ],
  DL3067: [
    { name: 'root to root', text: df(F, 'COPY --from=b / /'), lines: [2] },
    { name: 'quoted', text: df(F, 'COPY --from=b ["/", "/"]'), lines: [2] },
    { name: 'subdir', text: df(F, 'COPY --from=b /usr /'), lines: [] },
    { name: 'no --from', text: df(F, 'COPY / /'), lines: [] },
  ],
  DL4000: [
    { name: 'MAINTAINER', text: df(F, 'MAINTAINER me'), lines: [2] },
    { name: 'label', text: df(F, 'LABEL maintainer=me'), lines: [] },
  ],
  DL4001: [
    { name: 'both in one RUN', text: df(F, 'RUN wget a && curl b'), lines: [2] },
    { name: 'second RUN completes the pair', text: df(F, 'RUN wget a', 'RUN curl b'), lines: [3] },
    { name: 'later uses also reported', text: df(F, 'RUN wget a', 'RUN curl b', 'RUN true', 'RUN wget c'), lines: [3, 5] },
    { name: 'reset at FROM', text: df(F, 'RUN wget a', F, 'RUN curl b'), lines: [] },
    { name: 'only curl', text: df(F, 'RUN curl a', 'RUN curl b'), lines: [] },
    { name: 'ONBUILD pass is separate', text: df(F, 'RUN wget a', 'ONBUILD RUN curl b'), lines: [] },
    { name: 'ONBUILD pass spans stages', text: df(F, 'ONBUILD RUN wget a', F, 'ONBUILD RUN curl b'), lines: [4] },
  ],
  DL4003: [
    { name: 'two CMD', text: df(F, 'CMD a', 'CMD b'), lines: [3] },
    { name: 'three CMD', text: df(F, 'CMD a', 'CMD b', 'CMD c'), lines: [3, 4] },
    { name: 'per stage', text: df(F, 'CMD a', F, 'CMD b'), lines: [] },
    { name: 'ONBUILD CMD ignored', text: df(F, 'CMD a', 'ONBUILD CMD b'), lines: [] },
  ],
  DL4004: [
    { name: 'two ENTRYPOINT', text: df(F, 'ENTRYPOINT a', 'ENTRYPOINT b'), lines: [3] },
    { name: 'per stage', text: df(F, 'ENTRYPOINT a', F, 'ENTRYPOINT b'), lines: [] },
  ],
  DL4005: [
    { name: 'ln to /bin/sh', text: df(F, 'RUN ln -sf /bin/bash /bin/sh'), lines: [2] },
    { name: 'other link', text: df(F, 'RUN ln -s /bin/bash /usr/local/bin/sh'), lines: [] },
    { name: 'ONBUILD', text: df(F, 'ONBUILD RUN ln -sf /bin/bash /bin/sh'), lines: [2] },
  ],
  DL4006: [
    { name: 'pipe, default shell', text: df(F, 'RUN a | b'), lines: [2] },
    { name: 'or is not a pipe', text: df(F, 'RUN a || b'), lines: [] },
    { name: 'bash pipefail', text: df(F, 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN a | b'), lines: [] },
    { name: 'ash pipefail', text: df(F, 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'RUN a | b'), lines: [] },
    { name: 'quirk: sh pipefail does not count', text: df(F, 'SHELL ["/bin/sh", "-o", "pipefail", "-c"]', 'RUN a | b'), lines: [3] },
    { name: 'SHELL without pipefail', text: df(F, 'SHELL ["/bin/bash", "-c"]', 'RUN a | b'), lines: [3] },
    { name: 'powershell disables', text: df(F, 'SHELL ["powershell", "-Command"]', 'RUN a | b'), lines: [] },
    { name: 'cmd disables', text: df(F, 'SHELL ["cmd", "/S", "/C"]', 'RUN a | b'), lines: [] },
    { name: 'reset at FROM', text: df(F, 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', F, 'RUN a | b'), lines: [4] },
    { name: 'pipe in heredoc body', text: df(F, 'RUN <<EOF', 'a | b', 'EOF'), lines: [2] },
    { name: 'shell pragma does not matter', text: df('# hadolint shell=bash', F, 'RUN a | b'), lines: [3] },
    { name: 'ONBUILD RUN ignored', text: df(F, 'ONBUILD RUN a | b'), lines: [] },
    { name: 'python heredoc is not shell', text: df(F, 'RUN <<EOF', '#!/usr/bin/env python3', 'print(1 | 2)', 'EOF'), lines: [] },
  ],
};

describe('DL3030-DL4006 rule cases', () => {
  for (const rule of RULES) {
    const cases = CASES[rule.meta.id] ?? [];
    describe(rule.meta.id, () => {
      it('has test cases', () => assert.ok(cases.length > 0, `no cases for ${rule.meta.id}`));
      for (const c of cases) {
        it(c.name, async () => {
          assert.deepEqual(await linesOf(rule, c.text, c.config), c.lines, c.text);
        });
      }
    });
  }
});

describe('DL3030-DL4006 documented examples', () => {
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has 1-3 bad and good examples', () => {
        const { bad, good } = rule.meta.examples;
        assert.ok(bad.length >= 1 && bad.length <= 3 && good.length >= 1 && good.length <= 3);
      });
      rule.meta.examples.bad.forEach((example, i) => {
        it(`bad example ${i + 1} is reported`, async () => {
          assert.ok((await linesOf(rule, example.code, example.config)).length > 0, example.code);
        });
      });
      rule.meta.examples.good.forEach((example, i) => {
        it(`good example ${i + 1} is clean`, async () => {
          assert.deepEqual(await linesOf(rule, example.code, example.config), [], example.code);
        });
      });
    });
  }
});

describe('DL3030-DL4006 messages and spans', () => {
  it('DL3033 names every unpinned package and points at the first', async () => {
    const [hit] = await hitsOf(DL3033, df(F, 'RUN yum install -y curl git-2.1 vim'));
    assert.ok(hit);
    assert.match(hit.message, /'curl' and 'vim'/);
    assert.deepEqual(hit.span?.start, { line: 2, column: 20 });
  });
  it('DL3062 names the module', async () => {
    const [hit] = await hitsOf(DL3062, df(F, 'RUN go install example.com/tool@latest'));
    assert.match(hit?.message ?? '', /example\.com\/tool@latest/);
  });
  it('ONBUILD findings are anchored at the ONBUILD line even across continuations', async () => {
    assert.deepEqual(await linesOf(DL3047, df(F, 'ONBUILD RUN true && \\', '  wget http://x/y')), [2]);
  });
  it('DL3049 reports in file order', async () => {
    const hits = await hitsOf(DL3049, df(`${F} AS a`, `${F} AS b`), SCHEMA({ z: 'text', a: 'text' }));
    assert.deepEqual(hits.map((h) => h.line), [1, 1, 2, 2]);
    assert.match(hits[0]?.message ?? '', /'a'/);
  });
});

describe('DL3030-DL4006 bounded time on large input', () => {
  it('an ENV with thousands of cross-referencing pairs is linear', async () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => `V${i}=$V${i + 1}`).join(' ');
    const started = Date.now();
    assert.deepEqual(await linesOf(DL3044, df(F, `ENV ${pairs}`)), [2]);
    assert.ok(Date.now() - started < 2000);
  });
  it('thousands of stages and RUNs stay fast for every rule', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) lines.push(`FROM debian:12 AS s${i}`, 'RUN wget -q x', 'RUN curl -f y | tar x', 'LABEL a=1', 'COPY --from=s0 / /');
    const text = df(...lines);
    const started = Date.now();
    const counts = await countsOf(RULES, text, SCHEMA({ a: 'url', b: 'text' }, { strictLabels: true }));
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    // Every stage: wget+curl (DL4001 on the curl RUN), a pipe without pipefail, a bad url label, b missing.
    assert.equal(counts.DL4001, 400);
    assert.equal(counts.DL4006, 400);
    assert.equal(counts.DL3052, 400);
    assert.equal(counts.DL3067, 400);
    // s0 is a COPY --from source, so it is excused from the required label.
    assert.equal(counts.DL3049, 399);
  });
});

describe('DL3030-DL4006 helper properties', () => {
  const segment = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
  it('reverse-DNS keys of lower-case segments are valid label keys', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => {
        const key = parts.join('.');
        return RESERVED.some((r) => key.startsWith(r)) || labelKeyProblem(key) === null;
      }),
    );
  });
  it('a key with an upper-case letter is never valid', () => {
    fc.assert(fc.property(segment, fc.stringMatching(/^[A-Z]$/), (s, upper) => labelKeyProblem(s + upper + s) !== null));
  });
  it('name-<digits> rpm words are pinned, bare names are not', () => {
    fc.assert(
      fc.property(segment, fc.nat(), fc.nat(), (name, major, minor) =>
        rpmPackagePinned(`${name}-${major}.${minor}`) && !rpmPackagePinned(name),
      ),
    );
  });
  it('any name containing PASSWORD or TOKEN in any case looks secret', () => {
    fc.assert(
      fc.property(segment, fc.constantFrom('password', 'TOKEN', 'Secret'), segment, (a, b, c) => looksSecret(`${a}_${b}_${c}`)),
    );
  });
});

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

describe('label validators', () => {
  const table: [string, (v: string) => boolean, string[], string[]][] = [
    ['isUri', isUri, ['https://a.b/c?d#e', 'urn:isbn:0451450523', 'http://[::1]:8080/', 'file:///etc/x', 'x:'], ['a.b/c', '', 'http://a b', '1http://x', 'https://x/%zz']],
    ['isRfc3339', isRfc3339, ['2024-02-29T23:59:60Z', '1999-12-31t00:00:00+14:00', '2024-01-01T00:00:00.123456Z'], ['2024-01-01', '2024-13-01T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:00', '2024-01-01T00:00:00+2:00']],
    ['isSpdxId', isSpdxId, ['MIT', 'apache-2.0', 'GPL-3.0-or-later', '0BSD'], ['MIT OR Apache-2.0', 'GPL-2.0+', '', 'Foo']],
    ['isGitHash', isGitHash, ['0123abc', 'a'.repeat(40)], ['0123ab', 'A123abc', 'g123abc', 'a'.repeat(39)]],
    ['isSemver', isSemver, ['0.0.0', '1.2.3-0.alpha-1.x+001', '10.20.30+meta'], ['1.2', 'v1.2.3', '1.2.3-01', '1.2.3-', '1.2.3+', '1.2.3.4']],
    ['isEmail', isEmail, ['a@b', 'first.last+tag@example.com', '"a b"@example.com', 'x@[127.0.0.1]'], ['a', 'a@', '@b', 'a..b@c', 'A <a@b>', 'a@b@c']],
  ];
  for (const [name, fn, good, bad] of table) {
    it(`${name} accepts valid values`, () => {
      for (const v of good) assert.equal(fn(v), true, v);
    });
    it(`${name} rejects invalid values`, () => {
      for (const v of bad) assert.equal(fn(v), false, v);
    });
  }
  it('semver accepts any generated MAJOR.MINOR.PATCH and rejects a leading v', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (a, b, c) => isSemver(`${a}.${b}.${c}`) && !isSemver(`v${a}.${b}.${c}`)),
    );
  });
  it('validators stay fast on long hostile input', () => {
    const hostile = 'a:' + '/'.repeat(20000) + '%' + ':@'.repeat(20000) + ' ';
    const started = Date.now();
    for (const fn of [isUri, isRfc3339, isSpdxId, isGitHash, isSemver, isEmail]) fn(hostile);
    isEmail('a.'.repeat(10000) + '@');
    isSemver('1.2.3-' + 'a.'.repeat(10000) + '!');
    assert.ok(Date.now() - started < 1000);
  });
});
