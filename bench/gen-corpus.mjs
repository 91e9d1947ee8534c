#!/usr/bin/env node
/**
 * Derives a large Dockerfile corpus for speed benchmarks from the real-world seeds in
 * test/fixtures/corpus/, deterministically: the same seed number always writes the same files.
 *
 *   node bench/gen-corpus.mjs [--count N] [--seed S] [--out DIR]
 *
 * Defaults: 1,200 files, seed 1, bench/.corpus/ (gitignored; the directory is emptied first).
 * Each file is one seed Dockerfile put through a few seeded mutations: renumbered versions and
 * checksums (so RUN scripts differ from file to file, as in real corpora), changed base-image tags,
 * an extra build stage, reordered single-line instructions, added heredocs, added continuation
 * lines, lower-cased keywords, extra comments, or two seeds combined into one multi-stage file.
 * Files written for deliberately broken input (`broken-*`) are not used as seeds.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function parseArgs(argv) {
  const options = { count: 1200, seed: 1, out: join(root, 'bench', '.corpus') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--count') options.count = Number(value);
    else if (arg === '--seed') options.seed = Number(value);
    else if (arg === '--out') options.out = resolve(value);
    else throw new Error(`unknown argument ${arg} (use --count N, --seed S, --out DIR)`);
    i++;
  }
  if (!Number.isInteger(options.count) || options.count < 1) throw new Error('--count must be a positive integer');
  return options;
}

/** mulberry32: small, fast, good enough to pick mutations reproducibly. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** The escape character a file declares (`# escape=`` ` `` for Windows files), default backslash. */
function escapeOf(text) {
  const match = /^(?:\uFEFF)?(?:#[^\n]*\n)*?#\s*escape\s*=\s*([`\\])/i.exec(text);
  return match ? match[1] : '\\';
}

/** Splits a Dockerfile into logical instructions (continuations and heredoc bodies kept together). */
function splitInstructions(text, escape) {
  const lines = text.split('\n');
  const blocks = [];
  let current = [];
  let heredocEnd = null;
  for (const line of lines) {
    current.push(line);
    if (heredocEnd !== null) {
      if (line.replace(/^\t+/, '').replace(/\r$/, '') === heredocEnd) {
        heredocEnd = null;
        blocks.push(current);
        current = [];
      }
      continue;
    }
    const bare = line.replace(/\r$/, '');
    if (/^\s*#/.test(bare) && current.length > 1) continue; // comment inside a continuation
    if (bare.endsWith(escape)) continue;
    const heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(bare);
    if (heredoc && /^\s*(RUN|COPY|ADD)\b/i.test(current[0])) {
      heredocEnd = heredoc[1];
      continue;
    }
    blocks.push(current);
    current = [];
  }
  if (current.length > 0) blocks.push(current);
  return blocks.map((b) => b.join('\n'));
}

const TAG_CHOICES = ['latest', '3.18', '3.19', '3.20', '3.21', 'bookworm', 'bookworm-slim', 'bullseye', '22.04', '24.04', '1.22', '20-alpine', 'stable'];
const DIGEST = 'sha256:' + 'a1b2c3d4e5f60718'.repeat(4);

function mutateTags(text, r) {
  return text.replace(/^(\s*FROM\s+(?:--platform=\S+\s+)?)([^\s:@$]+)(?::([^\s@]+))?(@\S+)?/gim, (whole, prefix, image, _tag, _digest) => {
    if (image.toLowerCase() === 'scratch' || r.chance(0.4)) return whole;
    const choice = r.int(4);
    if (choice === 0) return `${prefix}${image}`; // no tag at all
    if (choice === 1) return `${prefix}${image}:${r.pick(TAG_CHOICES)}@${DIGEST}`;
    return `${prefix}${image}:${r.pick(TAG_CHOICES)}`;
  });
}

function extraStage(r, n, escape) {
  const name = `gen${n}`;
  const base = r.pick(['alpine:3.20', 'debian:bookworm-slim', 'busybox:1.36', 'ubuntu:24.04']);
  const install = base.startsWith('alpine')
    ? `RUN apk add --no-cache curl=8.9.1-r0 ${escape}\n    && curl -fsSL -o /tmp/tool.tgz https://example.com/tool-${n}.tgz`
    : `RUN apt-get update ${escape}\n    && apt-get install -y --no-install-recommends ca-certificates curl ${escape}\n    && rm -rf /var/lib/apt/lists/*`;
  return { name, text: `FROM ${base} AS ${name}\nWORKDIR /work\n${install}\nRUN mkdir -p /out && echo "${n}" > /out/stage-${n}.txt\n` };
}

function heredocBlock(r, n) {
  const variants = [
    `RUN <<EOT\nset -eux\necho "generated ${n}"\nmkdir -p /opt/gen${n}\nEOT`,
    `RUN <<-EOT bash\n\tset -euo pipefail\n\tfor i in 1 2 3; do echo "$i"; done\n\tEOT`,
    `COPY <<EOF /etc/gen${n}.conf\nkey=value\nother=${n}\nEOF`,
    `RUN <<'EOT' sh\ncat /etc/os-release\nEOT`,
    `COPY <<one <<two /etc/gen${n}/\nfirst file\none\nsecond file\ntwo`,
  ];
  return r.pick(variants);
}

function continuationBlock(r, n, escape) {
  const count = 5 + r.int(40);
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(`    && echo "step ${i} of generated block ${n}" >> /tmp/gen.log`);
  return `RUN set -e ${escape}\n${parts.join(` ${escape}\n`)}`;
}

/**
 * Real corpora rarely repeat a RUN script verbatim across files, but derived files would (a seed is
 * used many times). Renumbering versions and checksums makes each derived file's scripts distinct, so
 * no tool gains from parsing the same text twice.
 */
function renumber(text, r) {
  return text
    .replace(/\b(\d+)\.(\d+)\.(\d+)\b/g, (_m, a) => `${a}.${r.int(40)}.${r.int(30)}`)
    .replace(/\b[0-9a-f]{64}\b/g, () => Array.from({ length: 4 }, () => Math.floor(r.next() * 2 ** 32).toString(16).padStart(8, '0')).join('').repeat(2));
}

function isSimple(block) {
  return !block.includes('\n') && /^\s*(ENV|LABEL|EXPOSE|ARG|WORKDIR|STOPSIGNAL)\b/i.test(block);
}

/** One file from one seed: a few mutations picked by the generator. */
function mutate(text, r, n, others) {
  const escape = escapeOf(text);
  const crlf = text.includes('\r\n');
  let body = crlf ? text.replace(/\r\n/g, '\n') : text;
  const bom = body.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (bom) body = body.slice(1);

  body = renumber(body, r);
  if (r.chance(0.7)) body = mutateTags(body, r);
  let blocks = splitInstructions(body, escape);
  // Make every shell-form RUN of this file unique too (those without version numbers would repeat).
  blocks = blocks.map((b) => (/^\s*RUN\s+(?!\[)/i.test(b) && !/<<-?\s*['"]?[A-Za-z_]/.test(b) ? `${b.replace(/\s+$/, '')}; echo "build ${n}"` : b));
  const fromIndexes = () => blocks.map((b, i) => (/^\s*FROM\b/i.test(b) ? i : -1)).filter((i) => i >= 0);

  if (r.chance(0.4)) {
    // swap two adjacent single-line instructions
    for (let tries = 0; tries < 5; tries++) {
      const i = r.int(Math.max(1, blocks.length - 1));
      if (isSimple(blocks[i] ?? '') && isSimple(blocks[i + 1] ?? '')) {
        [blocks[i], blocks[i + 1]] = [blocks[i + 1], blocks[i]];
        break;
      }
    }
  }
  if (r.chance(0.35)) {
    const stage = extraStage(r, n, escape);
    const firstFrom = fromIndexes()[0] ?? 0;
    blocks.splice(firstFrom, 0, stage.text);
    blocks.push(`COPY --from=${stage.name} /out/ /opt/${stage.name}/`);
  }
  if (r.chance(0.45)) {
    const froms = fromIndexes();
    const at = (r.pick(froms) ?? 0) + 1;
    blocks.splice(at, 0, heredocBlock(r, n));
  }
  if (r.chance(0.35)) {
    const froms = fromIndexes();
    blocks.splice((froms[froms.length - 1] ?? 0) + 1, 0, continuationBlock(r, n, escape));
  }
  if (r.chance(0.15)) {
    blocks = blocks.map((b) => (r.chance(0.3) ? b.replace(/^(\s*)(RUN|COPY|ENV|LABEL|WORKDIR)\b/, (_m, ws, k) => ws + k.toLowerCase()) : b));
  }
  if (r.chance(0.2)) {
    const i = r.int(blocks.length);
    blocks.splice(i, 0, `# generated note ${n}: ${r.pick(['hadolint ignore=DL3008', 'keep in sync with upstream', 'TODO pin versions', 'hadolint ignore=DL3018,DL3059'])}`);
  }
  let out = blocks.join('\n');
  if (r.chance(0.1) && others.length > 0) {
    // combine with another seed (same escape character only) as extra stages
    const other = r.pick(others);
    if (escapeOf(other.text) === escape) {
      const otherBody = other.text.replace(/\r\n/g, '\n').replace(/^\uFEFF/, '').replace(/^#\s*(syntax|escape|check)\s*=.*\n/gim, '');
      out = `${out.replace(/\n*$/, '\n')}\n# ---- combined with ${other.name}\n${otherBody}`;
    }
  }
  if (crlf) out = out.replace(/\n/g, '\r\n');
  return bom + out;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const seedDir = join(root, 'test', 'fixtures', 'corpus');
  const seeds = readdirSync(seedDir)
    .filter((name) => name.endsWith('.Dockerfile') && !name.startsWith('broken-'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
  if (seeds.length === 0) throw new Error(`no seed Dockerfiles in ${seedDir}`);

  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const r = rng(options.seed);
  let bytes = 0;
  for (let n = 0; n < options.count; n++) {
    const seed = seeds[n % seeds.length]; // every seed used evenly, mutations vary
    // The first pass over the seeds keeps them unchanged so the corpus always contains the originals.
    const text = n < seeds.length ? seed.text : mutate(seed.text, r, n, seeds);
    const file = join(options.out, `${String(n).padStart(5, '0')}-${seed.name}`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  process.stdout.write(`wrote ${options.count} Dockerfiles (${(bytes / 1024 / 1024).toFixed(1)} MB) from ${seeds.length} seeds to ${options.out}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`gen-corpus: ${error.message}\n`);
  process.exitCode = 2;
}
