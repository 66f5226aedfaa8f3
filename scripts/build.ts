// Bundles Lambda functions and cards with esbuild. Filled in as functions and cards land.
console.log('build: nothing to bundle yet');
