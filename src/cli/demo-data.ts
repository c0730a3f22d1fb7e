import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from '../data/frame.js';
import { loadFrame, writeFrame } from '../data/index.js';

/** The shipped dataset the demo runs on (see datasets/README.md for its source and licence). */
export const FLIGHTS = fileURLToPath(new URL('../../datasets/flights-2001.csv', import.meta.url));

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun'] as const;

/**
 * What the demo's model sees of a flight: the scheduled hour, the ISO weekday number (1 = Monday),
 * the airports and the distance; `late` (departure delayed over 15 minutes) is the label. Derived in SQL since Cairn has
 * no date transformers yet.
 */
function monthQuery(month: number): string {
  const file = FLIGHTS.replaceAll("'", "''");
  return `select
      hour(departure) + minute(departure) / 60.0 as dep_hour,
      isodow(departure) as weekday,
      origin, destination, distance,
      delay_minutes > 15 as late
    from '${file}'
    where month(departure) = ${month} and year(departure) = 2001
    order by departure`;
}

export interface DemoFiles {
  /** January, labelled: what the model trains on. */
  readonly train: string;
  /** Labelled files per later month, February to June. */
  readonly months: Readonly<Record<(typeof MONTHS)[number], string>>;
  /** June without labels: the batch-scoring input. */
  readonly juneUnlabelled: string;
  readonly rows: Readonly<Record<string, number>>;
}

/** Writes the month files into `dir` from the shipped CSV. */
export async function prepareFlights(dir: string): Promise<DemoFiles> {
  const rows: Record<string, number> = {};
  const months = {} as Record<(typeof MONTHS)[number], string>;
  let june: Frame | undefined;
  for (const [i, name] of MONTHS.entries()) {
    const frame = await loadFrame({ sql: monthQuery(i + 1) });
    const path = join(dir, `flights-${name}.csv`);
    await writeFrame(frame, path);
    months[name] = path;
    rows[name] = frame.nRows;
    if (name === 'jun') june = frame;
  }
  const juneUnlabelled = join(dir, 'flights-jun-unlabelled.csv');
  await writeFrame(june!.drop(['late']), juneUnlabelled);
  return { train: months.jan, months, juneUnlabelled, rows };
}
