/**
 * Runs every benchmark in turn (each prints its own ratio line against its Python peer). Makes the
 * shared data set first when it is missing. Not part of `npm test`: timings never gate tests.
 *
 *   npm run bench            # all
 *   npm run bench -- load    # those whose name contains "load"
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = ['load-csv', 'logistic', 'ridge', 'serve', 'prediction-log'];
const filter = process.argv[2];

if (!existsSync('bench/data/classification-1000000.csv'))
  execFileSync('/usr/bin/python3', ['bench/make_classification.py'], { stdio: 'inherit' });
for (const name of BENCHES.filter((b) => !filter || b.includes(filter))) {
  console.log(`\n=== bench/${name}.ts ===`);
  execFileSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { stdio: 'inherit' });
}
