/**
 * Two-sample drift statistics on typed arrays, equal to SciPy 1.10 (see fixtures/make_fixtures.py),
 * with the distribution functions they need. Browser-safe: no Node-only imports.
 */
export { binCounts } from './bins.js';
export { type Chi2ContingencyResult, chi2Contingency } from './chi2-contingency.js';
export { chi2Sf, gammaP, gammaQ, logGamma } from './gamma.js';
export { jensenShannonDistance } from './jensen-shannon.js';
export { kolmogorovCdf, kolmogorovSf } from './kolmogorov.js';
export { KS_MAX_EXACT_N, type KsMethod, type KsResult, ks2samp, ksStatistic } from './ks-2samp.js';
export { PSI_EPSILON, psi } from './psi.js';
export { smirnovSf } from './smirnov.js';
export { MIN_NORM_STD, normalizedWasserstein, populationStd, wasserstein1 } from './wasserstein.js';
