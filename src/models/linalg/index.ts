export { choleskyInPlace, choleskySolveInPlace, solveSPD } from './cholesky.js';
export { type NormalEquations, normalEquations, type WeightedMeans, weightedMeans } from './gram.js';
export { type QRLeastSquares, qrLeastSquares } from './householder-qr.js';
export { jacobiSVD, type SVD } from './jacobi-svd.js';
export { type LstsqResult, lstsq } from './lstsq.js';
export { axpy, dot, maxAbs, norm2 } from './vector.js';
