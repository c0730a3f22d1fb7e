/**
 * Imports every estimator class once so each registers its `kind`: loading a saved model needs
 * the table filled. Import this (for its effect) wherever models are loaded.
 */
import './models/linear/index.js';
import './prep/index.js';
