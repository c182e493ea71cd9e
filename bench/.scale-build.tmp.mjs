import * as esbuild from 'esbuild';
const [entry, out, minify] = process.argv.slice(2);
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: minify === '1', keepNames: false, external: ['vscode'], outfile: out, define: { VERSION: '"x"', NEWSMARK_FAULTS: 'false' }, logLevel: 'warning' });
