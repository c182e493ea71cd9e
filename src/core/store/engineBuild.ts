/**
 * What persisted facts are keyed by besides their file: the engine build (ENGINE_FINGERPRINT, a
 * hash of the sources and the exact dependencies that esbuild.mjs stamps into every bundle) and
 * the workspace lexicon in use. Facts analysed by another build or with another lexicon are
 * never read back.
 */
declare const ENGINE_FINGERPRINT: string | undefined;

/** The build that runs; '' when not bundled by esbuild.mjs (tests through tsx, `--watch`): then nothing is persisted. */
export function engineBuild(): string {
  return typeof ENGINE_FINGERPRINT === 'string' ? ENGINE_FINGERPRINT : '';
}

/** The text of the workspace lexicon that the key hashes (`lexiconSha256` is of its UTF-8 bytes). */
export function lexiconKeyText(additions: unknown): string {
  return JSON.stringify(additions);
}

/** The key of a build and a lexicon: `lexiconSha256` undefined for the built-in lexicon alone. */
export function engineKey(build: string, lexiconSha256: string | undefined): string {
  return `${build}+${lexiconSha256 === undefined ? 'built-in' : lexiconSha256.slice(0, 16)}`;
}
