/**
 * Shared pieces of the image checks (section 4) and the inventories (section 6): image scope, names,
 * history parsing (legacy builder and BuildKit `CreatedBy` forms, audit spec §4). Not a check module. Pure.
 */
import type { CheckItem } from '../../core/check-result.js';
import type { CheckOutcome, EvalContext } from '../check.js';
import { fromItems, item, notApplicable, unknown } from './host-common.js';

/** Raw image inspect JSON. */
export interface ImageDoc {
  Id?: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created?: string;
  Size?: number;
  Config?: { User?: string; Env?: string[] | null; Healthcheck?: { Test?: string[] | null } | null; Labels?: Record<string, string> | null } | null;
  RootFS?: { Layers?: string[] };
}

export interface HistoryEntry {
  CreatedBy?: string;
  Created?: number;
}

export function imageName(image: ImageDoc): string {
  const tag = (image.RepoTags ?? []).find((t) => t !== '<none>:<none>');
  if (tag) return tag;
  const digest = (image.RepoDigests ?? [])[0];
  if (digest) return digest;
  return (image.Id ?? '?').replace(/^sha256:/, '').slice(0, 12);
}

export function imageEvidence(image: ImageDoc, field: string): string {
  return `/engine/images/${(image.Id ?? '?').replace(/^sha256:/, '').slice(0, 12)}#${field}`;
}

/** The audited images, or the outcome when there are none / they could not be listed. */
export function auditedImages(context: EvalContext): ImageDoc[] | CheckOutcome {
  const images = context.snapshot.engine.images;
  if (!images.ok) return unknown(`images could not be listed: ${images.reason}`);
  if (images.value.length === 0) return notApplicable('no images');
  return images.value as ImageDoc[];
}

export function perImage(context: EvalContext, judge: (image: ImageDoc) => Omit<CheckItem, 'object'>): CheckOutcome {
  const images = auditedImages(context);
  if (!Array.isArray(images)) return images;
  const items = images.map((image) => ({ ...judge(image), object: imageName(image) }));
  for (const [id, reason] of Object.entries(context.snapshot.engine.imageErrors ?? {})) items.push(item(id.slice(0, 19), 'UNKNOWN', `image inspect failed: ${reason}`));
  return fromItems(items, 'image(s)', notApplicable('no images'));
}

/** History entries (newest first, as the API returns them), or why they cannot be judged. */
export function historyOf(context: EvalContext, image: ImageDoc): { ok: true; entries: HistoryEntry[] } | { ok: false; reason: string } {
  const history = image.Id ? context.snapshot.engine.imageHistory[image.Id] : undefined;
  if (!history) return { ok: false, reason: 'image history not collected' };
  if (!history.ok) return { ok: false, reason: `image history unreadable: ${history.reason}` };
  const entries = history.value as HistoryEntry[];
  if (entries.length === 0 || entries.every((e) => !e.CreatedBy)) return { ok: false, reason: 'no build history (squashed or imported image)' };
  return { ok: true, entries };
}

export type Instruction = { kind: string; text: string };

/** The Dockerfile instruction a history line records: RUN text, or ADD/COPY/ENV/... with its arguments. */
export function instructionOf(createdBy: string): Instruction | undefined {
  const text = createdBy.trim();
  if (text === '') return undefined;
  const buildkit = /^([A-Z]+)\s+(.*?)(?:\s+# buildkit)?$/s.exec(text);
  if (buildkit && / # buildkit$/.test(text)) return { kind: buildkit[1]!, text: buildkit[2]! };
  const nop = /#\(nop\)\s+([A-Z]+)\s*(.*)$/s.exec(text);
  if (nop) return { kind: nop[1]!, text: nop[2]!.trim() };
  // Legacy RUN: `/bin/sh -c CMD`, optionally prefixed by `|N K=V ...` build args.
  const run = /(?:^|\s)\/bin\/sh -c (.*)$/s.exec(text);
  if (run) return { kind: 'RUN', text: run[1]! };
  return { kind: 'RUN', text };
}

/** Example fragment: history of the base image (`sha256:d9…`), newest first. */
export function historyExample(createdBy: string[]): Record<string, unknown> {
  return { engine: { imageHistory: { [BASE_IMAGE_ID]: { ok: true, value: createdBy.map((c) => ({ CreatedBy: c })) } } } };
}

export const BASE_IMAGE_ID = 'sha256:d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9d9';

/** Example fragment: the base image's fields replaced. */
export function imageExample(fields: Record<string, unknown>): Record<string, unknown> {
  return { engine: { images: { value: [fields] } } };
}

export const NO_IMAGES: Record<string, unknown> = { engine: { images: { value: [] } } };

/** Examples of the review-only image checks. */
export const MANUAL_IMAGE_EXAMPLES = [
  { note: 'each image is listed for review', snapshot: {}, expect: 'MANUAL' as const },
  { note: 'no images', snapshot: NO_IMAGES, expect: 'NOT_APPLICABLE' as const },
  { note: 'images not listed', snapshot: { engine: { images: { ok: false, reason: 'timeout' } } }, expect: 'UNKNOWN' as const },
];
