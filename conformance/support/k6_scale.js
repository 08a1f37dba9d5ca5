
// ---- appended by the conformance suite (not generated): the same scenarios and thresholds,
// ---- scaled down to a few seconds and a few VUs for a local run.
(function scaleDown(opts) {
  const few = (n, limit) => Math.max(1, Math.min(Number(n) || 1, limit));
  const scale = (s) => {
    if ('duration' in s) s.duration = '3s';
    if ('vus' in s) s.vus = few(s.vus, 2);
    if ('startVUs' in s) s.startVUs = Math.min(Number(s.startVUs) || 0, 2);
    if ('rate' in s) { s.rate = few(s.rate, 5); s.timeUnit = '1s'; }
    if ('startRate' in s) s.startRate = few(s.startRate, 5);
    if ('preAllocatedVUs' in s) s.preAllocatedVUs = few(s.preAllocatedVUs, 2);
    if ('maxVUs' in s) s.maxVUs = Math.max(few(s.maxVUs, 4), s.preAllocatedVUs || 1);
    if ('iterations' in s) s.iterations = few(s.iterations, 5);
    if (Array.isArray(s.stages)) {
      s.stages = s.stages.slice(0, 3).map((stage) => ({ ...stage, target: Math.min(Number(stage.target) || 0, 2), duration: '1s' }));
    }
    if ('gracefulStop' in s || s.executor) s.gracefulStop = '1s';
    if ('gracefulRampDown' in s) s.gracefulRampDown = '1s';
  };
  Object.values(opts.scenarios || {}).forEach(scale);
  scale(opts);
  delete opts.gracefulStop;
})(options);
