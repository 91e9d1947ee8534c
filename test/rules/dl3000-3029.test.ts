/**
 * Table-driven tests for DL1001 and DL3000–DL3029: exact finding lines per case, including the Hadolint
 * quirks we keep and the deliberate deviations documented in docs/compatibility.md.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';
import { rule as DL1001 } from '../../src/rules/dockerfile/DL1001.js';
import { rule as DL3000 } from '../../src/rules/dockerfile/DL3000.js';
import { rule as DL3001 } from '../../src/rules/dockerfile/DL3001.js';
import { rule as DL3002 } from '../../src/rules/dockerfile/DL3002.js';
import { rule as DL3003 } from '../../src/rules/dockerfile/DL3003.js';
import { rule as DL3004 } from '../../src/rules/dockerfile/DL3004.js';
import { rule as DL3006 } from '../../src/rules/dockerfile/DL3006.js';
import { rule as DL3007 } from '../../src/rules/dockerfile/DL3007.js';
import { rule as DL3008 } from '../../src/rules/dockerfile/DL3008.js';
import { rule as DL3009 } from '../../src/rules/dockerfile/DL3009.js';
import { rule as DL3010 } from '../../src/rules/dockerfile/DL3010.js';
import { rule as DL3011 } from '../../src/rules/dockerfile/DL3011.js';
import { rule as DL3012 } from '../../src/rules/dockerfile/DL3012.js';
import { rule as DL3013 } from '../../src/rules/dockerfile/DL3013.js';
import { rule as DL3014 } from '../../src/rules/dockerfile/DL3014.js';
import { rule as DL3015 } from '../../src/rules/dockerfile/DL3015.js';
import { rule as DL3016 } from '../../src/rules/dockerfile/DL3016.js';
import { rule as DL3018 } from '../../src/rules/dockerfile/DL3018.js';
import { rule as DL3019 } from '../../src/rules/dockerfile/DL3019.js';
import { rule as DL3020 } from '../../src/rules/dockerfile/DL3020.js';
import { rule as DL3021 } from '../../src/rules/dockerfile/DL3021.js';
import { rule as DL3022 } from '../../src/rules/dockerfile/DL3022.js';
import { rule as DL3023 } from '../../src/rules/dockerfile/DL3023.js';
import { rule as DL3024 } from '../../src/rules/dockerfile/DL3024.js';
import { rule as DL3025 } from '../../src/rules/dockerfile/DL3025.js';
import { rule as DL3026 } from '../../src/rules/dockerfile/DL3026.js';
import { rule as DL3027 } from '../../src/rules/dockerfile/DL3027.js';
import { rule as DL3028 } from '../../src/rules/dockerfile/DL3028.js';
import { rule as DL3029 } from '../../src/rules/dockerfile/DL3029.js';
import { ruleLines, runRule } from './helpers-dl3000-3029.js';

interface Case {
  name: string;
  code: string;
  /** Expected finding lines, in report order. */
  lines: number[];
  config?: Record<string, unknown>;
  /** Pattern the first finding's message must match. */
  message?: RegExp;
}

const RULES: DockerfileRule[] = [
  DL1001, DL3000, DL3001, DL3002, DL3003, DL3004, DL3006, DL3007, DL3008, DL3009, DL3010, DL3011, DL3012, DL3013,
  DL3014, DL3015, DL3016, DL3018, DL3019, DL3020, DL3021, DL3022, DL3023, DL3024, DL3025, DL3026, DL3027, DL3028,
  DL3029,
];

const trusted = (...registries: string[]) => ({ trustedRegistries: registries });

const CASES: Record<string, Case[]> = {
  DL1001: [
    { name: 'inline ignore', code: 'FROM a:1\n# hadolint ignore=DL3008,DL3015\nRUN x\n', lines: [2], message: /DL3008, DL3015/ },
    { name: 'spaces around = and codes', code: '#  hadolint   ignore = DL3008 , SC2086\nFROM a:1\n', lines: [1] },
    { name: 'trailing comment allowed', code: 'FROM a:1\n# hadolint ignore=DL3008 # reason\nRUN x\n', lines: [2] },
    { name: 'global form is not inline', code: '# hadolint global ignore=DL3008\nFROM a:1\n', lines: [] },
    { name: 'stage form is not inline', code: 'FROM a:1\n# hadolint stage ignore=DL3008\nRUN x\n', lines: [] },
    { name: 'invalid code voids the pragma', code: 'FROM a:1\n# hadolint ignore=dl3008\nRUN x\n', lines: [] },
    { name: 'trailing words void the pragma', code: 'FROM a:1\n# hadolint ignore=DL3008 because\nRUN x\n', lines: [] },
    { name: 'shell pragma', code: '# hadolint shell=bash\nFROM a:1\n', lines: [] },
    { name: 'ordinary comment', code: '# install hadolint ignore list\nFROM a:1\n', lines: [] },
    { name: 'docksec spelling is an inline ignore too', code: 'FROM a:1\n# docksec ignore=DL3008 -- vendored\nRUN x\n', lines: [2] },
    { name: 'two pragmas', code: '# hadolint ignore=DL3006\nFROM a\n# hadolint ignore=DL3003\nRUN cd /x\n', lines: [1, 3] },
  ],
  DL3000: [
    { name: 'relative', code: 'FROM a:1\nWORKDIR app\n', lines: [2], message: /'app'/ },
    { name: 'absolute', code: 'FROM a:1\nWORKDIR /app\n', lines: [] },
    { name: 'quoted absolute', code: 'FROM a:1\nWORKDIR "/app"\n', lines: [] },
    { name: 'quoted relative', code: "FROM a:1\nWORKDIR 'app'\n", lines: [2] },
    { name: 'variable', code: 'FROM a:1\nWORKDIR $HOME\nWORKDIR ${APP_DIR}/x\n', lines: [] },
    { name: 'windows drive', code: 'FROM a:1\nWORKDIR C:\\app\nWORKDIR d:/x\n', lines: [] },
    { name: 'one character relative path (Hadolint crashes)', code: 'FROM a:1\nWORKDIR a\n', lines: [2] },
    { name: 'dot', code: 'FROM a:1\nWORKDIR .\n', lines: [2] },
    { name: 'ONBUILD is not checked', code: 'FROM a:1\nONBUILD WORKDIR app\n', lines: [] },
    { name: 'several', code: 'FROM a:1\nWORKDIR /a\nWORKDIR b\nWORKDIR c/d\n', lines: [3, 4] },
  ],
  DL3001: [
    { name: 'service', code: 'FROM a:1\nRUN service ssh start\n', lines: [2], message: /'service'/ },
    { name: 'each listed tool', code: 'FROM a:1\nRUN free\nRUN kill 1\nRUN mount\nRUN ps\nRUN shutdown\nRUN ssh h\nRUN top\nRUN vim f\n', lines: [2, 3, 4, 5, 6, 7, 8, 9] },
    { name: 'ifconfig is not checked', code: 'FROM a:1\nRUN ifconfig\n', lines: [] },
    { name: 'one finding per RUN', code: 'FROM a:1\nRUN ps && top\n', lines: [2], message: /'ps' and 'top'/ },
    { name: 'inside a pipeline and subshell', code: 'FROM a:1\nRUN echo x | (vim -)\n', lines: [2] },
    { name: 'ONBUILD payload at the ONBUILD line', code: 'FROM a:1\nONBUILD RUN ps\n', lines: [2] },
    { name: 'full path is another name', code: 'FROM a:1\nRUN /bin/ps\n', lines: [] },
    { name: 'argument not command', code: 'FROM a:1\nRUN echo ps top\n', lines: [] },
    { name: 'CMD is not checked', code: 'FROM a:1\nCMD top\n', lines: [] },
  ],
  DL3002: [
    { name: 'last user root', code: 'FROM a:1\nUSER app\nUSER root\n', lines: [3] },
    { name: 'root then non-root', code: 'FROM a:1\nUSER root\nRUN x\nUSER app\n', lines: [] },
    { name: 'uid 0 and groups', code: 'FROM a:1\nUSER 0\nFROM b:1\nUSER root:root\nFROM c:1\nUSER 0:0\n', lines: [2, 4, 6] },
    { name: 'no USER', code: 'FROM a:1\nRUN x\n', lines: [] },
    { name: 'per stage', code: 'FROM a:1 AS one\nUSER root\nFROM b:1\nUSER app\n', lines: [2] },
    { name: 'root-like names', code: 'FROM a:1\nUSER rooter\nFROM b:1\nUSER 00\n', lines: [] },
    { name: 'before FROM is ignored', code: 'USER root\nFROM a:1\n', lines: [] },
    { name: 'ONBUILD USER root is not checked', code: 'FROM a:1\nUSER app\nONBUILD USER root\n', lines: [] },
  ],
  DL3003: [
    { name: 'cd', code: 'FROM a:1\nRUN cd /tmp && make\n', lines: [2], message: /WORKDIR \/tmp/ },
    { name: 'cd inside subshell', code: 'FROM a:1\nRUN (cd /x; make)\n', lines: [2] },
    { name: 'ONBUILD is skipped', code: 'FROM a:1\nONBUILD RUN cd /x\n', lines: [] },
    { name: 'cd as an argument', code: 'FROM a:1\nRUN echo cd\n', lines: [] },
    { name: 'exec form', code: 'FROM a:1\nRUN ["cd", "/x"]\n', lines: [2] },
    { name: 'heredoc body', code: 'FROM a:1\nRUN <<EOF\ncd /x\nmake\nEOF\n', lines: [2] },
  ],
  DL3004: [
    { name: 'sudo', code: 'FROM a:1\nRUN sudo apt-get update\n', lines: [2], message: /apt-get/ },
    { name: 'sudo after &&', code: 'FROM a:1\nRUN true && sudo -u x make\n', lines: [2] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN sudo make\n', lines: [2] },
    { name: 'sudo as argument', code: 'FROM a:1\nRUN apt-get install -y sudo=1.9\n', lines: [] },
    { name: 'command substitution', code: 'FROM a:1\nRUN echo $(sudo id)\n', lines: [2] },
  ],
  DL3006: [
    { name: 'untagged', code: 'FROM debian\n', lines: [1], message: /'debian'/ },
    { name: 'tagged', code: 'FROM debian:12\n', lines: [] },
    { name: 'digest', code: 'FROM debian@sha256:abc\n', lines: [] },
    { name: 'scratch', code: 'FROM scratch\n', lines: [] },
    { name: 'FROM without an image is left to DL1000', code: 'FROM debian:12\nFROM\n', lines: [] },
    { name: 'registry without tag', code: 'FROM registry.example.com/team/app\n', lines: [1] },
    { name: 'registry with port and tag', code: 'FROM localhost:5000/app:1\n', lines: [] },
    { name: 'earlier alias', code: 'FROM debian:12 AS base\nFROM base\n', lines: [] },
    { name: 'alias case-insensitive', code: 'FROM debian:12 AS base\nFROM Base\n', lines: [] },
    { name: 'later alias does not count', code: 'FROM build\nFROM debian:12 AS build\n', lines: [1] },
    { name: 'ARG resolved to tagged image', code: 'ARG IMG=nginx:1.25\nFROM ${IMG}\n', lines: [] },
    { name: 'ARG resolved to untagged image', code: 'ARG IMG=nginx\nFROM $IMG\n', lines: [2], message: /from '\$IMG'/ },
    { name: 'ARG without default is opaque', code: 'ARG IMG\nFROM ${IMG}\n', lines: [] },
    { name: 'unresolved variable inside the name', code: 'ARG REPO\nFROM registry.example.com/${REPO}\n', lines: [] },
    { name: 'tag from ARG', code: 'ARG V=12\nFROM debian:${V}\n', lines: [] },
    { name: 'default operator', code: 'FROM ${BASE:-alpine}\n', lines: [1] },
    { name: 'ONBUILD FROM is not a stage', code: 'FROM a:1\nONBUILD FROM debian\n', lines: [] },
  ],
  DL3007: [
    { name: 'latest', code: 'FROM debian:latest\n', lines: [1] },
    { name: 'latest with digest', code: 'FROM debian:latest@sha256:abc\n', lines: [] },
    { name: 'other tag', code: 'FROM debian:latest-slim\n', lines: [] },
    { name: 'untagged is DL3006 not DL3007', code: 'FROM debian\n', lines: [] },
    { name: 'tag from ARG default', code: 'ARG TAG=latest\nFROM node:${TAG}\n', lines: [2] },
    { name: 'registry', code: 'FROM ghcr.io/org/app:latest AS x\nFROM scratch\n', lines: [1] },
  ],
  DL3008: [
    { name: 'unpinned', code: 'FROM a:1\nRUN apt-get install -y curl\n', lines: [2], message: /'curl'/ },
    { name: 'pinned', code: 'FROM a:1\nRUN apt-get install -y curl=7.88\n', lines: [] },
    { name: 'release pin and .deb', code: 'FROM a:1\nRUN apt-get install -y git/bookworm ./x.deb\n', lines: [] },
    { name: 'value of -t inside a short cluster', code: 'FROM a:1\nRUN apt-get install -yt bookworm-backports git=1\n', lines: [] },
    { name: 'target release value is not a package', code: 'FROM a:1\nRUN apt-get install -y -t bookworm-backports git=1\nRUN apt-get install --target-release bookworm git=1\n', lines: [] },
    { name: 'several unpinned named', code: 'FROM a:1\nRUN apt-get install -y a b=1 c\n', lines: [2], message: /'a' and 'c'/ },
    { name: 'only install commands', code: 'FROM a:1\nRUN apt-get update && apt-get remove foo\n', lines: [] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN apt-get install -y curl\n', lines: [2] },
    { name: 'variable not judged', code: 'FROM a:1\nRUN apt-get install -y $PKGS "${MORE}"\n', lines: [] },
    { name: 'apt is another rule', code: 'FROM a:1\nRUN apt install -y curl\n', lines: [] },
    { name: 'line continuation', code: 'FROM a:1\nRUN apt-get update \\\n && apt-get install -y \\\n    curl\n', lines: [2] },
  ],
  DL3009: [
    { name: 'update without cleanup', code: 'FROM a:1\nRUN apt-get update && apt-get install -y x\n', lines: [2] },
    { name: 'cleanup', code: 'FROM a:1\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n', lines: [] },
    { name: 'any rm -rf satisfies (Hadolint OR)', code: 'FROM a:1\nRUN apt-get update && rm -rf /tmp/x\n', lines: [] },
    { name: 'rm -fr is not -rf', code: 'FROM a:1\nRUN apt-get update && rm -fr /tmp/x\n', lines: [2] },
    { name: 'apt and aptitude', code: 'FROM a:1\nRUN apt update\nRUN aptitude update\n', lines: [2, 3] },
    { name: 'cache mount on lists', code: 'FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n', lines: [] },
    { name: 'tmpfs mount on lists', code: 'FROM a:1\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n', lines: [] },
    { name: 'both apt cache dirs', code: 'FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update\n', lines: [] },
    { name: 'only /var/cache/apt', code: 'FROM a:1\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n', lines: [2] },
    { name: 'bind mount does not exempt', code: 'FROM a:1\nRUN --mount=type=bind,target=/var/lib/apt/lists apt-get update\n', lines: [2] },
    { name: 'builder stage only copied from', code: 'FROM a:1 AS build\nRUN apt-get update\nFROM b:1\nCOPY --from=build /x /x\n', lines: [] },
    { name: 'stage used as FROM parent', code: 'FROM a:1 AS base\nRUN apt-get update\nFROM base\nRUN true\n', lines: [2] },
    { name: 'duplicate FROM lines: only the real last stage', code: 'FROM a:1\nRUN apt-get update\nFROM a:1\nRUN apt-get update\n', lines: [4] },
    { name: 'ONBUILD payloads always count', code: 'FROM a:1 AS x\nONBUILD RUN apt-get update\nFROM b:1\n', lines: [2] },
    { name: 'reported in file order', code: 'FROM a:1\nRUN apt-get update\nRUN true\nRUN apt-get update\n', lines: [2, 4] },
  ],
  DL3010: [
    { name: 'copy then tar -x', code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n', lines: [2], message: /'app.tar.gz'/ },
    { name: 'not extracted', code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN ls /tmp\n', lines: [] },
    { name: 'extracted by other name', code: 'FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/other.tar.gz\n', lines: [] },
    { name: 'tar --extract and unzip family', code: 'FROM a:1\nCOPY a.tar /t/\nCOPY b.xz /t/\nRUN tar --extract -f /t/a.tar && unxz /t/b.xz\n', lines: [2, 3] },
    { name: 'old-style tar options', code: 'FROM a:1\nCOPY a.tgz /t/\nRUN tar xzf /t/a.tgz\n', lines: [2] },
    { name: 'tar create with --exclude is not extraction', code: 'FROM a:1\nCOPY a.tar /t/\nRUN tar -c --exclude=foo -f out /t/a.tar\n', lines: [] },
    { name: 'archive target name', code: 'FROM a:1\nCOPY build.bin /tmp/pkg.tar\nRUN tar -xf /tmp/pkg.tar\n', lines: [2] },
    { name: 'COPY --from is skipped', code: 'FROM a:1 AS b\nFROM a:1\nCOPY --from=b /x.tar /t/\nRUN tar -xf /t/x.tar\n', lines: [] },
    { name: 'extraction in another stage does not count', code: 'FROM a:1\nCOPY x.tar /t/\nFROM b:1\nRUN tar -xf /t/x.tar\n', lines: [] },
    { name: 'earlier stages are reported too', code: 'FROM a:1 AS one\nCOPY x.tar /t/\nRUN tar -xf /t/x.tar\nFROM b:1\nRUN true\n', lines: [2] },
    { name: 'zip is not an ADD archive', code: 'FROM a:1\nCOPY x.zip /t/\nRUN unzip /t/x.zip\n', lines: [] },
  ],
  DL3011: [
    { name: 'too large', code: 'FROM a:1\nEXPOSE 80 65536\n', lines: [2], message: /'65536'/ },
    { name: 'max port', code: 'FROM a:1\nEXPOSE 65535/udp\n', lines: [] },
    { name: 'range end', code: 'FROM a:1\nEXPOSE 8000-70000\n', lines: [2] },
    { name: 'variable', code: 'FROM a:1\nEXPOSE $PORT ${P}/tcp\n', lines: [] },
    { name: 'ONBUILD not checked', code: 'FROM a:1\nONBUILD EXPOSE 99999\n', lines: [] },
  ],
  DL3012: [
    { name: 'two in a stage', code: 'FROM a:1\nHEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n', lines: [3], message: /line 2/ },
    { name: 'NONE counts', code: 'FROM a:1\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["b"]\nHEALTHCHECK NONE\n', lines: [3, 4] },
    { name: 'one per stage', code: 'FROM a:1\nHEALTHCHECK NONE\nFROM b:1\nHEALTHCHECK NONE\n', lines: [] },
    { name: 'ONBUILD not counted', code: 'FROM a:1\nHEALTHCHECK NONE\nONBUILD HEALTHCHECK NONE\n', lines: [] },
  ],
  DL3013: [
    { name: 'unpinned', code: 'FROM a:1\nRUN pip install requests\n', lines: [2], message: /'requests'/ },
    { name: 'operators', code: 'FROM a:1\nRUN pip install a==1 "b>=2" "c<3" d~=1.0 e!=2 f===3\n', lines: [] },
    { name: 'pip3 and pipx count, pipenv does not', code: 'FROM a:1\nRUN pip3 install a\nRUN pipx install b\nRUN pipenv install c\n', lines: [2, 3] },
    { name: 'python -m pip', code: 'FROM a:1\nRUN python3 -m pip install flask\n', lines: [2] },
    { name: 'requirements, constraints, local project', code: 'FROM a:1\nRUN pip install -r req.txt\nRUN pip install --requirement req.txt x\nRUN pip install -c c.txt flask\nRUN pip install .\n', lines: [] },
    { name: 'option values are not packages', code: 'FROM a:1\nRUN pip install -i https://pypi.example/simple --target /opt a==1\n', lines: [] },
    { name: 'vcs needs @', code: 'FROM a:1\nRUN pip install git+https://h/o/r.git@v1\nRUN pip install git+https://h/o/r.git\n', lines: [3] },
    { name: 'wheel, sdist and paths', code: 'FROM a:1\nRUN pip install ./dist/a.whl b.tar.gz ./src/pkg\n', lines: [] },
    { name: 'flags before install', code: 'FROM a:1\nRUN pip --no-cache-dir install --upgrade pip\n', lines: [2], message: /'pip'/ },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN pip install x\n', lines: [2] },
    { name: 'variable not judged', code: 'FROM a:1\nRUN pip install "$PKG"\n', lines: [] },
  ],
  DL3014: [
    { name: 'no -y', code: 'FROM a:1\nRUN apt-get install curl\n', lines: [2] },
    { name: '-y forms', code: 'FROM a:1\nRUN apt-get install -y a\nRUN apt-get install --yes a\nRUN apt-get install --assume-yes a\nRUN apt-get -yq install a\n', lines: [] },
    { name: 'quiet level 2', code: 'FROM a:1\nRUN apt-get -qq install a\nRUN apt-get -q -q install a\nRUN apt-get --quiet --quiet install a\nRUN apt-get -q=2 install a\n', lines: [] },
    { name: 'quiet level 1 or 3', code: 'FROM a:1\nRUN apt-get -q install a\nRUN apt-get -qqq install a\n', lines: [2, 3] },
    { name: 'not install', code: 'FROM a:1\nRUN apt-get update\n', lines: [] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN apt-get install a\n', lines: [2] },
  ],
  DL3015: [
    { name: 'missing', code: 'FROM a:1\nRUN apt-get install -y a\n', lines: [2] },
    { name: 'flag', code: 'FROM a:1\nRUN apt-get install -y --no-install-recommends a\n', lines: [] },
    { name: 'apt option', code: 'FROM a:1\nRUN apt-get -o APT::Install-Recommends=false install -y a\n', lines: [] },
    { name: 'two installs, one missing', code: 'FROM a:1\nRUN apt-get install -y --no-install-recommends a && apt-get install -y b\n', lines: [2] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN apt-get install -y a\n', lines: [2] },
  ],
  DL3016: [
    { name: 'unpinned', code: 'FROM a:1\nRUN npm install express\n', lines: [2], message: /'express'/ },
    { name: 'pinned and scoped', code: 'FROM a:1\nRUN npm install express@4 @types/node@20\n', lines: [] },
    { name: 'scoped unpinned', code: 'FROM a:1\nRUN npm install @types/node\n', lines: [2] },
    { name: 'git needs #', code: 'FROM a:1\nRUN npm install git+https://h/o/r.git#v1\nRUN npm install git://h/o/r.git\n', lines: [3] },
    { name: 'tarball and folders', code: 'FROM a:1\nRUN npm install ./pkg ../x ~/y /abs a.tgz b.tar\n', lines: [] },
    { name: 'npm i and ci are ignored', code: 'FROM a:1\nRUN npm i express && npm ci\n', lines: [] },
    { name: 'install not first', code: 'FROM a:1\nRUN npm run install foo\n', lines: [] },
    { name: 'loglevel value skipped', code: 'FROM a:1\nRUN npm --loglevel warn install -g typescript\n', lines: [2] },
    { name: 'bare install', code: 'FROM a:1\nRUN npm install\n', lines: [] },
  ],
  DL3018: [
    { name: 'unpinned', code: 'FROM a:1\nRUN apk add --no-cache curl\n', lines: [2], message: /'curl'/ },
    { name: 'pinned forms', code: 'FROM a:1\nRUN apk add a=1 b~2 "c>3" "d<4" ./e.apk\n', lines: [] },
    { name: 'virtual and repository values', code: 'FROM a:1\nRUN apk add -t .deps --virtual .v -X http://r --repository http://s a=1\n', lines: [] },
    { name: 'apk del ignored', code: 'FROM a:1\nRUN apk del curl\n', lines: [] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN apk add x\n', lines: [2] },
  ],
  DL3019: [
    { name: 'missing', code: 'FROM a:1\nRUN apk add a=1\n', lines: [2] },
    { name: 'present', code: 'FROM a:1\nRUN apk add --no-cache a=1\n', lines: [] },
    { name: 'cache mount', code: 'FROM a:1\nRUN --mount=type=cache,target=/var/cache/apk apk add a=1\n', lines: [] },
    { name: 'apk update alone', code: 'FROM a:1\nRUN apk update\n', lines: [] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN apk add a=1\n', lines: [2] },
  ],
  DL3020: [
    { name: 'plain file', code: 'FROM a:1\nADD app.py /app/\n', lines: [2], message: /'app.py'/ },
    { name: 'archives and URLs', code: 'FROM a:1\nADD a.tar.gz b.tar c.tgz /x/\nADD https://e.com/f /x\nADD http://e.com/g /x\n', lines: [] },
    { name: 'git sources', code: 'FROM a:1\nADD git@github.com:o/r.git /src\n', lines: [] },
    { name: 'mixed sources, one finding', code: 'FROM a:1\nADD a.tar b.txt c.txt /x/\n', lines: [2], message: /'b.txt', 'c.txt'/ },
    { name: 'zip is not unpacked by ADD', code: 'FROM a:1\nADD a.zip /x/\n', lines: [2] },
    { name: 'COPY is fine', code: 'FROM a:1\nCOPY a.txt /x/\n', lines: [] },
    { name: 'ONBUILD not checked', code: 'FROM a:1\nONBUILD ADD a.txt /x/\n', lines: [] },
  ],
  DL3021: [
    { name: 'no slash', code: 'FROM a:1\nCOPY a b /dst\n', lines: [2] },
    { name: 'slash', code: 'FROM a:1\nCOPY a b /dst/\n', lines: [] },
    { name: 'json form', code: 'FROM a:1\nCOPY ["a", "b", "/dst"]\n', lines: [2] },
    { name: 'single source', code: 'FROM a:1\nCOPY a /dst\n', lines: [] },
    { name: 'ADD not checked', code: 'FROM a:1\nADD a.tar b.tar /dst\n', lines: [] },
    { name: 'ONBUILD not checked', code: 'FROM a:1\nONBUILD COPY a b /dst\n', lines: [] },
  ],
  DL3022: [
    { name: 'unknown stage', code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=buidl /x /x\n', lines: [3], message: /'buidl'/ },
    { name: 'known stage', code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n', lines: [] },
    { name: 'case-insensitive', code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=Build /x /x\n', lines: [] },
    { name: 'own alias counts as declared', code: 'FROM a:1 AS me\nCOPY --from=me /x /x\n', lines: [] },
    { name: 'later stage is not declared yet', code: 'FROM b:1\nCOPY --from=later /x /x\nFROM a:1 AS later\n', lines: [2] },
    { name: 'index', code: 'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\nCOPY --from=1 /x /x\nCOPY --from=2 /x /x\n', lines: [5] },
    { name: 'image with tag', code: 'FROM a:1\nCOPY --from=nginx:1.27 /x /x\n', lines: [] },
    { name: 'image without tag', code: 'FROM a:1\nCOPY --from=nginx /x /x\n', lines: [2] },
    { name: 'variable', code: 'ARG SRC=build\nFROM a:1\nCOPY --from=${SRC} /x /x\n', lines: [] },
  ],
  DL3023: [
    { name: 'own alias', code: 'FROM a:1 AS me\nCOPY --from=me /x /x\n', lines: [2], message: /'me'/ },
    { name: 'other alias', code: 'FROM a:1 AS one\nFROM b:1 AS two\nCOPY --from=one /x /x\n', lines: [] },
    { name: 'case-insensitive', code: 'FROM a:1 AS Me\nCOPY --from=me /x /x\n', lines: [2] },
    { name: 'own index', code: 'FROM a:1\nFROM b:1\nCOPY --from=1 /x /x\nCOPY --from=0 /x /x\n', lines: [3] },
    { name: 'no alias', code: 'FROM a:1\nCOPY --from=me /x /x\n', lines: [] },
  ],
  DL3024: [
    { name: 'duplicate', code: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n', lines: [2, 3], message: /line 1/ },
    { name: 'distinct', code: 'FROM a:1 AS x\nFROM b:1 AS y\n', lines: [] },
    { name: 'case-insensitive', code: 'FROM a:1 AS Build\nFROM b:1 AS build\n', lines: [2] },
    { name: 'no aliases', code: 'FROM a:1\nFROM a:1\n', lines: [] },
  ],
  DL3025: [
    { name: 'shell CMD', code: 'FROM a:1\nCMD node server.js\n', lines: [2] },
    { name: 'shell ENTRYPOINT', code: 'FROM a:1\nENTRYPOINT /entry.sh\n', lines: [2] },
    { name: 'shell HEALTHCHECK', code: 'FROM a:1\nHEALTHCHECK --interval=5s CMD curl -f http://x/\n', lines: [2], message: /HEALTHCHECK CMD/ },
    { name: 'exec forms', code: 'FROM a:1\nCMD ["node", "s.js"]\nENTRYPOINT ["/e"]\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK NONE\n', lines: [] },
    { name: 'RUN shell form is fine', code: 'FROM a:1\nRUN make\n', lines: [] },
    { name: 'ONBUILD CMD not checked', code: 'FROM a:1\nONBUILD CMD node s.js\n', lines: [] },
  ],
  DL3026: [
    { name: 'off without config', code: 'FROM quay.io/x/y:1\n', lines: [] },
    { name: 'untrusted registry', code: 'FROM quay.io/x/y:1\n', lines: [1], config: trusted('ghcr.io'), message: /'quay.io'/ },
    { name: 'trusted exact', code: 'FROM ghcr.io/x/y:1\n', lines: [], config: trusted('ghcr.io') },
    { name: 'docker hub needs docker.io', code: 'FROM debian:12\nFROM scratch\n', lines: [1], config: trusted('ghcr.io') },
    { name: 'docker.io allows hub', code: 'FROM debian:12\n', lines: [], config: trusted('docker.io') },
    { name: 'hub.docker.com allows hub', code: 'FROM debian:12\n', lines: [], config: trusted('hub.docker.com') },
    { name: 'wildcards', code: 'FROM r.corp.example.com/a:1\nFROM mirror-eu/x:1\nFROM mirror.eu/b:1\n', lines: [2], config: trusted('*.example.com', 'mirror.*') },
    { name: 'star allows all', code: 'FROM quay.io/a:1\nFROM debian:12\n', lines: [], config: trusted('*') },
    { name: 'earlier alias', code: 'FROM ghcr.io/a:1 AS base\nFROM base\n', lines: [], config: trusted('ghcr.io') },
    { name: 'COPY --from image', code: 'FROM ghcr.io/a:1\nCOPY --from=quay.io/b:1 /x /x\nCOPY --from=nginx:1 /y /y\n', lines: [2, 3], config: trusted('ghcr.io') },
    { name: 'COPY --from stage name and index', code: 'FROM ghcr.io/a:1 AS s\nFROM ghcr.io/b:1\nCOPY --from=s /x /x\nCOPY --from=0 /x /x\n', lines: [], config: trusted('ghcr.io') },
    { name: 'RUN mount from', code: 'FROM ghcr.io/a:1\nRUN --mount=type=bind,from=quay.io/b:1,target=/b true\nRUN --mount=type=cache,target=/c true\nRUN --mount=type=secret,id=s true\n', lines: [2], config: trusted('ghcr.io') },
    { name: 'registry with port', code: 'FROM localhost:5000/a:1\n', lines: [], config: trusted('localhost:5000') },
    { name: 'ARG resolved registry', code: 'ARG REG=quay.io\nFROM ${REG}/a:1\n', lines: [2], config: trusted('ghcr.io') },
    { name: 'ARG without default not judged', code: 'ARG REG\nFROM ${REG}/a:1\n', lines: [], config: trusted('ghcr.io') },
  ],
  DL3027: [
    { name: 'apt', code: 'FROM a:1\nRUN apt install -y x\n', lines: [2], message: /apt-get/ },
    { name: 'apt search suggests apt-cache', code: 'FROM a:1\nRUN apt search x\n', lines: [2], message: /apt-cache/ },
    { name: 'apt-get', code: 'FROM a:1\nRUN apt-get install -y x\n', lines: [] },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN apt update\n', lines: [2] },
  ],
  DL3028: [
    { name: 'unpinned', code: 'FROM a:1\nRUN gem install rails\n', lines: [2], message: /'rails'/ },
    { name: 'colon pin', code: 'FROM a:1\nRUN gem install rails:7.1 rake:13\n', lines: [] },
    { name: '-v pins', code: 'FROM a:1\nRUN gem install rails -v 7.1\nRUN gem install rails --version 7.1\nRUN gem install rails --version=7.1\n', lines: [] },
    { name: 'gem i', code: 'FROM a:1\nRUN gem i bundler\n', lines: [2] },
    { name: 'valueless option does not hide the gem', code: 'FROM a:1\nRUN gem install --no-document rails\n', lines: [2] },
    { name: 'option values are not gems', code: 'FROM a:1\nRUN gem install --install-dir /opt/gems --source https://r rails:7\n', lines: [] },
    { name: 'build args after --', code: 'FROM a:1\nRUN gem install mysql2:0.5 -- --with-mysql-dir=/usr\n', lines: [] },
    { name: 'unknown option hides its value, as in Hadolint', code: 'FROM a:1\nRUN gem install bundler:2 --use-system-libraries true\n', lines: [] },
    { name: 'word after a known switch is a gem', code: 'FROM a:1\nRUN gem install -N rails:7 --conservative nokogiri\n', lines: [2], message: /'nokogiri'/ },
    { name: 'ONBUILD payload', code: 'FROM a:1\nONBUILD RUN gem install x\n', lines: [2] },
  ],
  DL3029: [
    { name: 'fixed platform', code: 'FROM --platform=linux/amd64 a:1\n', lines: [1], message: /linux\/amd64/ },
    { name: 'build and target platform', code: 'FROM --platform=$BUILDPLATFORM a:1\nFROM --platform=${TARGETPLATFORM} b:1\n', lines: [] },
    { name: 'other variable', code: 'FROM --platform=$TARGETOS/$TARGETARCH a:1\n', lines: [1] },
    { name: 'no platform', code: 'FROM a:1\n', lines: [] },
  ],
};

for (const rule of RULES) {
  const id = rule.meta.id;
  describe(id, () => {
    it('has consistent metadata', () => {
      assert.equal(rule.meta.docsAnchor, id.toLowerCase());
      assert.ok(rule.meta.tags?.includes('hadolint'));
      assert.ok(rule.meta.examples.bad.length >= 1 && rule.meta.examples.good.length >= 1);
    });
    for (const [index, example] of rule.meta.examples.bad.entries()) {
      it(`bad example ${index + 1} is reported`, async () => {
        const hits = await runRule(rule, example.code, example.config ?? {});
        assert.ok(hits.length >= 1, `no finding for:\n${example.code}`);
      });
    }
    for (const [index, example] of rule.meta.examples.good.entries()) {
      it(`good example ${index + 1} is clean`, async () => {
        assert.deepEqual(await runRule(rule, example.code, example.config ?? {}), []);
      });
    }
    for (const testCase of CASES[id] ?? []) {
      it(testCase.name, async () => {
        const hits = await runRule(rule, testCase.code, testCase.config ?? {});
        assert.deepEqual(
          hits.map((hit) => hit.line),
          testCase.lines,
          `${id} on:\n${testCase.code}\nmessages: ${hits.map((hit) => hit.message).join(' | ')}`,
        );
        if (testCase.message) assert.match(hits[0]!.message, testCase.message);
      });
    }
  });
}

describe('precise spans', () => {
  it('DL3008 points at the unpinned package word', async () => {
    const [hit] = await runRule(DL3008, 'FROM a:1\nRUN apt-get update && \\\n    apt-get install -y curl\n');
    assert.equal(hit?.line, 2);
    assert.deepEqual(hit?.span?.start, { line: 3, column: 24 });
  });
  it('DL3029 points at the --platform flag', async () => {
    const [hit] = await runRule(DL3029, 'FROM --platform=linux/arm64 a:1\n');
    assert.equal(hit?.span?.start.column, 6);
  });
});

describe('properties', () => {
  it('DL3011 fires exactly for ports above 65535', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200000 }), async (port) => {
        const lines = await ruleLines(DL3011, `FROM a:1\nEXPOSE ${port}/tcp\n`);
        assert.deepEqual(lines, port > 65535 ? [2] : []);
      }),
      { numRuns: 200 },
    );
  });
  it('DL3000 never fires on absolute paths', async () => {
    const segment = fc.stringMatching(/^[a-z0-9_.-]{1,8}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (parts) => {
        assert.deepEqual(await ruleLines(DL3000, `FROM a:1\nWORKDIR /${parts.join('/')}\n`), []);
        assert.deepEqual(await ruleLines(DL3000, `FROM a:1\nWORKDIR ${parts.join('/')}\n`), [2]);
      }),
      { numRuns: 100 },
    );
  });
  it('DL3008 accepts name=version and rejects bare names', async () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,12}$/);
    await fc.assert(
      fc.asyncProperty(name, async (pkg) => {
        if (pkg.endsWith('.deb')) return;
        assert.deepEqual(await ruleLines(DL3008, `FROM a:1\nRUN apt-get install -y ${pkg}=1.0-1\n`), []);
        assert.deepEqual(await ruleLines(DL3008, `FROM a:1\nRUN apt-get install -y ${pkg}\n`), [2]);
      }),
      { numRuns: 100 },
    );
  });
});
