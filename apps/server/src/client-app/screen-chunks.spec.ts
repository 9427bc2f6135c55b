import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modulePreloads, screenChunks } from './screen-chunks';

describe('screenChunks', () => {
  let dir: string;
  const write = (files: Record<string, string>) =>
    Object.entries(files).forEach(([name, text]) => writeFileSync(join(dir, name), text));
  const index = (linked: string[] = []) =>
    `<head></head><body>${linked.map((file) => `<link rel="modulepreload" href="${file}">`).join('')}<script src="main-A.js" type="module"></script></body>`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'screen-chunks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows each lazily loaded screen through its static imports, once each, cycles too', () => {
    write({
      'main-A.js': 'x=()=>import("./chunk-APP.js");y=()=>import("./chunk-SIGNIN.js");',
      'chunk-APP.js': 'import{a}from"./chunk-UI.js";import"./chunk-SIDE.js";',
      'chunk-SIGNIN.js': 'import{a}from "./chunk-UI.js";',
      'chunk-UI.js': 'import{b}from"./chunk-APP.js";const later=()=>import("./chunk-DIALOG.js");',
      'chunk-SIDE.js': '',
      'chunk-DIALOG.js': '',
    });
    expect(screenChunks(dir, index())).toEqual([
      'chunk-APP.js',
      'chunk-UI.js',
      'chunk-SIDE.js',
      'chunk-SIGNIN.js',
    ]);
  });

  it('leaves out what index.html links already, and files that are not there', () => {
    write({
      'main-A.js': 'import("./chunk-APP.js");import("./chunk-GONE.js");',
      'chunk-APP.js': 'import{a}from"./chunk-CORE.js";import{b}from"./chunk-MISSING.js";',
      'chunk-CORE.js': '',
    });
    expect(screenChunks(dir, index(['chunk-CORE.js']))).toEqual(['chunk-APP.js']);
  });

  it('finds nothing without an entry script', () => {
    expect(screenChunks(dir, '<body></body>')).toEqual([]);
    expect(screenChunks(dir, index())).toEqual([]);
  });

  it('writes one module preload per file', () => {
    expect(modulePreloads(['a.js', 'b.js'])).toBe(
      '<link rel="modulepreload" href="a.js"><link rel="modulepreload" href="b.js">',
    );
  });
});
