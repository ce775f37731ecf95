/** The one test kit: a core, reference data, installations and their bundles, hostile bundle parts. */
export * from './test-core';
export * from './reference-data';
export * from './installations';
export * from './bundle-parts';
export * from './three-installations';
