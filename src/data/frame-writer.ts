import { rm } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import { AtomicFile, siblingTempPath } from './atomic-file.js';
import { csvHeader, csvRows } from './csv-text.js';
import type { ColumnKind, Frame } from './frame.js';
import { jsonRecords } from './json-text.js';
import { type DataFormat, detectFormat } from './load-options.js';
import { convertStagedCsvToParquet } from './parquet-out.js';

export interface FrameWriterOptions {
  /** Output format. Default: from the extension (.csv .tsv .json .ndjson .jsonl .parquet). */
  format?: DataFormat;
  /** CSV/TSV delimiter. Default `,` for csv, a tab for tsv. */
  delimiter?: string;
}

/**
 * Streams frames into one file. The output appears, complete, at `close()`; until then it is a
 * hidden temporary file in the same directory, which `abort()` (or any error in `write`) removes.
 * Every frame must have the first frame's columns and kinds; category columns may carry different
 * categories per frame (labels are written).
 */
export interface FrameWriter {
  readonly path: string;
  readonly format: DataFormat;
  /** Rows written so far. */
  readonly rows: number;
  write(frame: Frame): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Rows formatted per piece: large frames are written in slices, so the text in memory stays small. */
const ROWS_PER_PIECE = 8192;

/**
 * Opens a writer for `path`. Nothing touches the disk until the first `write` or `close`.
 *
 * @example
 *   const out = openFrameWriter('scores.parquet');
 *   for await (const batch of scanFrames('big.csv')) await out.write(score(batch));
 *   await out.close();
 */
export function openFrameWriter(path: string, options: FrameWriterOptions = {}): FrameWriter {
  const format = detectFormat(path, options.format);
  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
  if (typeof delimiter !== 'string' || delimiter.length !== 1)
    throw new InputError(
      'invalid_option',
      `delimiter must be one character, got ${JSON.stringify(delimiter)}`,
      {
        field: 'delimiter',
      },
    );
  return new StreamingFrameWriter(path, format, delimiter);
}

/** Writes one frame to `path`, atomically. */
export async function writeFrame(
  frame: Frame,
  path: string,
  options: FrameWriterOptions = {},
): Promise<void> {
  const writer = openFrameWriter(path, options);
  await writer.write(frame);
  await writer.close();
}

class StreamingFrameWriter implements FrameWriter {
  readonly #file: AtomicFile;
  #columns: [string, ColumnKind][] | undefined;
  #rows = 0;
  #state: 'open' | 'closed' | 'aborted' = 'open';

  constructor(
    readonly path: string,
    readonly format: DataFormat,
    readonly delimiter: string,
  ) {
    this.#file = new AtomicFile(path);
  }

  get rows(): number {
    return this.#rows;
  }

  /** CSV for csv/tsv, and as the staging text that Parquet is converted from. */
  get #csvLike(): boolean {
    return this.format === 'csv' || this.format === 'tsv' || this.format === 'parquet';
  }

  async write(frame: Frame): Promise<void> {
    this.#checkOpen();
    try {
      const first = this.#columns === undefined;
      this.#checkColumns(frame);
      if (first && this.#csvLike) await this.#file.write(csvHeader(frame.names, this.delimiter));
      for (let start = 0; start < frame.nRows; start += ROWS_PER_PIECE) {
        const end = Math.min(frame.nRows, start + ROWS_PER_PIECE);
        await this.#file.write(this.#piece(frame, start, end));
        this.#rows += end - start;
      }
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  #piece(frame: Frame, start: number, end: number): string {
    if (this.#csvLike) return csvRows(frame, start, end, this.delimiter);
    const records = jsonRecords(frame, start, end);
    if (this.format === 'ndjson') return `${records.join('\n')}\n`;
    const lead = this.#rows === 0 && start === 0 ? '[\n' : ',\n';
    return records.length > 0 ? lead + records.join(',\n') : '';
  }

  #checkColumns(frame: Frame): void {
    const columns = [...frame.columns()].map(([n, c]) => [n, c.kind] as [string, ColumnKind]);
    if (this.#columns === undefined) {
      this.#columns = columns;
      return;
    }
    const want = this.#columns.map(([n, k]) => `${n}:${k}`).join(', ');
    const got = columns.map(([n, k]) => `${n}:${k}`).join(', ');
    if (want !== got)
      throw new InputError(
        'schema_mismatch',
        `${this.path}: frame columns (${got}) differ from the first frame's (${want})`,
        {
          file: this.path,
        },
      );
  }

  #checkOpen(): void {
    if (this.#state !== 'open') throw new Error(`${this.path}: the writer is already ${this.#state}`);
  }

  async close(): Promise<void> {
    this.#checkOpen();
    try {
      if (this.format === 'json') await this.#file.write(this.#rows > 0 ? '\n]\n' : '[]\n');
      if (this.format !== 'parquet') {
        await this.#file.commit();
      } else {
        if (!this.#columns)
          throw new InputError(
            'no_frames',
            `${this.path}: a Parquet file needs at least one frame for its columns`,
            {
              file: this.path,
            },
          );
        await this.#file.closeHandle();
        const out = siblingTempPath(this.path, 'parquet');
        try {
          await convertStagedCsvToParquet(this.#file.tempPath, out, this.#columns, this.delimiter);
          await this.#file.commit(out);
        } catch (e) {
          await rm(out, { force: true });
          throw e;
        }
      }
      this.#state = 'closed';
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  async abort(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'aborted';
    await this.#file.discard();
  }
}
