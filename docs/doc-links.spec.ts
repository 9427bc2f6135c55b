import { brokenReferences, markdownDocuments, referencesIn } from './doc-links';

describe('documentation links and paths', () => {
  it('finds relative links and workspace paths, not URLs, anchors or placeholders', () => {
    const text = [
      'See [the guide](adopting.md#step-1) and [npm](https://npmjs.com).',
      'Copy `apps/server/src/main.ts`, `../libs/shared-types/src/index.ts` and `npm test`.',
      'Not paths: `apps/<name>/x.ts`, `libs/*`, `[link](#anchor)`, `../client/browser`.',
      'Generated: `bench/results/latest.json`, `dist/apps/server/main.js`.',
    ].join('\n');
    expect(referencesIn('docs/x.md', text).map((reference) => reference.path)).toEqual([
      'docs/adopting.md',
      'apps/server/src/main.ts',
      'libs/shared-types/src/index.ts',
    ]);
  });

  it('checks the README, ARCHITECTURE.md, bench/README.md and docs/*.md', () => {
    expect(markdownDocuments()).toEqual(
      expect.arrayContaining(['README.md', 'ARCHITECTURE.md', 'docs/adopting.md']),
    );
  });

  it('every link and file path in the docs exists', () => {
    expect(brokenReferences()).toEqual([]);
  });
});
