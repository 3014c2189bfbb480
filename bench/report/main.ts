/** `npm run bench:report`: docs/performance.md and its charts again, from bench/results.json, without measuring. */
import { readResults, writeReport } from './index';

for (const file of writeReport(readResults())) console.log(`[bench] wrote ${file}`);
