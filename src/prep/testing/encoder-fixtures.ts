/** Reads src/prep/fixtures/encoders.json, written by make_fixtures_encoders.py. */
import { readFileSync } from 'node:fs';
import { col, Frame } from '../../data/frame.js';

export interface OneHotCase {
  params: {
    handleUnknown: 'ignore' | 'infrequent_if_exist';
    drop: 'first' | 'if_binary' | null;
    minFrequency: number | null;
    maxCategories: number | null;
  };
  columns: string[];
  fitRows: 'all' | 'holdout';
  perColumn: {
    /** scikit-learn's output labels after grouping and drop: null is missing, 'infrequent_sklearn' the group. */
    outputs: (string | null)[];
    infrequent: (string | null)[] | null;
    /** Per row, one character of SLOT_ALPHABET: the output that is 1, or the first character for none. */
    slots: string;
  }[];
}

export interface TargetCase {
  target: string;
  targetType: 'binary' | 'multiclass' | 'continuous';
  smooth: 'auto' | number;
  columns: string[];
  /** Rows of the dataset that have a target; `y` and `folds` follow them. */
  rows: number[];
  y: number[];
  /** Positions in `rows` the encoder is fitted on; null: all. */
  fitRowIndex: number[] | null;
  classes: number[] | null;
  categories: { labels: string[]; withMissing: boolean }[];
  /** Fold of every fit row (stratified for classes, plain K-fold for continuous targets). */
  folds: number[];
  targetMean: number[];
  /** [feature][class][learned position] from all fit rows. */
  encodings: number[][][];
  /** [fold][feature][class][learned position] from the fit rows outside that fold. */
  foldEncodings: number[][][][];
}

export interface EncoderDataset {
  source: string;
  input: { categories: Record<string, (string | null)[]>; numbers: Record<string, (number | null)[]> };
  OneHotEncoder: OneHotCase[];
  holdoutRows: number[];
  TargetEncoder: TargetCase[];
}

export const SLOT_ALPHABET = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i))
  .filter((c) => c !== '"' && c !== '\\')
  .join('');

export const ENCODER_DATASETS = ['penguins', 'cars', 'flights'] as const;

let cache: { datasets: Record<string, EncoderDataset> } | null = null;

export function encoderFixture(name: (typeof ENCODER_DATASETS)[number]): EncoderDataset {
  cache ??= JSON.parse(readFileSync(new URL('../fixtures/encoders.json', import.meta.url), 'utf8'));
  return cache!.datasets[name];
}

/** Category columns with reverse-sorted dictionaries: encoders must work by label, not by code. */
export function categoryFrame(ds: EncoderDataset, columns: readonly string[]): Frame {
  return new Frame(
    columns.map((name) => {
      const labels = ds.input.categories[name];
      const dict = [...new Set(labels.filter((l): l is string => l !== null))].sort().reverse();
      return [name, col.category(labels, dict)] as const;
    }),
  );
}
