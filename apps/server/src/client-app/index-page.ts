import { FIRST_SCREEN_ELEMENT_ID, type FirstScreen } from '@smart-sync/shared-types';
import { ENTRY_SCRIPT } from './screen-chunks';

/** Characters that could end the script element or be read as markup inside it, escaped for JSON. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

function escapeForScript(json: string): string {
  return json.replace(
    UNSAFE_IN_SCRIPT,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `html` with `insert` before the first match of `before`, or at `fallback` without one. */
function insertBefore(html: string, before: RegExp, insert: string, fallback: number): string {
  const at = html.search(before);
  const index = at === -1 ? fallback : at;
  return `${html.slice(0, index)}${insert}${html.slice(index)}`;
}

/**
 * index.html with the signed-in user's first screen in it, as JSON in a `<script
 * type="application/json">` at the end of the body: data, never run (the Content-Security-Policy
 * allows no inline script), read by the client's entry, which runs once the document is parsed.
 * After the scripts, so the browser has asked for them before the data (a few hundred kB for a
 * location with many departments) has arrived. `preloads` (module preloads of the screens'
 * chunks) go just before the entry script, after the build's own preloads: the entry's files
 * are asked for first.
 */
export function indexWithFirstScreen(
  indexHtml: string,
  firstScreen: FirstScreen,
  preloads = '',
): string {
  const data = `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${escapeForScript(
    JSON.stringify(firstScreen),
  )}</script>`;
  const withPreloads = insertBefore(indexHtml, ENTRY_SCRIPT, preloads, indexHtml.length);
  return insertBefore(withPreloads, /<\/body>/, data, withPreloads.length);
}
