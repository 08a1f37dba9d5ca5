// Runs a generated bizra-gen k6 script briefly: its default function and thresholds, a 2 s scenario.
import run, { options as generated } from './SCRIPT';
export default run;
const name = Object.keys(generated.scenarios)[0];
export const options = {
  thresholds: generated.thresholds,
  scenarios: { [name]: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '2s', preAllocatedVUs: 5, maxVUs: 10 } },
};
