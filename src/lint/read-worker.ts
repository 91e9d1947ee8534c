/**
 * Helper thread of `read-ahead.ts`: reads the regular files of a large run in order and posts their bytes
 * (transferred, not copied) to the linting thread, skipping those that thread has already read itself.
 * Self-contained on purpose (only node: imports), so the bundle can ship this file as it is.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';

interface ReadWorkerData {
  paths: string[];
  /** [0]: the index of the next file the linting thread needs; smaller ones are of no use any more. */
  progress: Int32Array;
  port: MessagePort;
  maxBytes: number;
}

export interface ReadItem {
  index: number;
  /** Null: not a readable regular file; the linting thread reads it and reports the reason. */
  bytes: Uint8Array | null;
}

function readRegular(path: string, maxBytes: number): Uint8Array | null {
  // stat before any open: opening a FIFO would let a waiting writer write into a pipe closed at once.
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > maxBytes) return null;
  } catch {
    return null;
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return null;
    // Its own ArrayBuffer (never Buffer's shared pool), so that transferring it moves only this file.
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (count === 0) break;
      filled += count;
    }
    return filled === bytes.length ? bytes : bytes.slice(0, filled);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

const { paths, progress, port, maxBytes } = workerData as ReadWorkerData;
// Small batches first (the linting thread is waiting for the first files), larger ones later.
let batchSize = 2;
let batch: ReadItem[] = [];
let transfer: ArrayBuffer[] = [];
for (let index = 0; index < paths.length; index++) {
  const needed = Atomics.load(progress, 0);
  if (index < needed) index = needed; // the linting thread read these itself: skip to where it is
  if (index >= paths.length) break;
  const bytes = readRegular(paths[index]!, maxBytes);
  batch.push({ index, bytes });
  if (bytes) transfer.push(bytes.buffer as ArrayBuffer);
  if (batch.length >= batchSize) {
    port.postMessage(batch, transfer);
    batch = [];
    transfer = [];
    batchSize = Math.min(32, batchSize * 2);
  }
}
if (batch.length > 0) port.postMessage(batch, transfer);
port.close();
