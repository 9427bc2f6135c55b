/**
 * What the text of a name or an id may hold, as patterns both zod builds check with (this file
 * imports no zod, so the classic and the mini entry share it).
 *
 * - **Lone surrogates** (half of a UTF-16 pair, e.g. `"\ud800"`) are refused: they are not Unicode
 *   text, and no database stores them as sent — SQLite's driver writes each as 3 bytes it reads
 *   back as 3 U+FFFD, PostgreSQL's as one U+FFFD — so the stored name would not be the one
 *   measured. Refused, what is measured is what is stored.
 * - **Control characters** (C0, DEL, C1: NUL, tab, newline, …) are refused inside a name or an id;
 *   around a name they are trimmed away with the other white space.
 * - A name needs a **visible character**: one that is not white space, a format or other
 *   default-ignorable character (zero-width space and joiners, bidi marks, variation selectors, the
 *   soft hyphen) or a combining mark. Format characters within a visible name stay (emoji joiners,
 *   right-to-left marks).
 */

/** Whole strings without a lone surrogate (with the `u` flag a pair is one code point). */
export const WELL_FORMED = /^\P{Cs}*$/u;
export const WELL_FORMED_MESSAGE = 'must not contain lone surrogates (not Unicode text)';

/** Whole strings without a C0 or C1 control character. */
export const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;
export const NO_CONTROL_CHARACTERS_MESSAGE = 'must not contain control characters';

/**
 * Strings with at least one character that shows. Unassigned code points count as visible: which
 * ones are unassigned depends on the engine's Unicode version (a new emoji on an older one).
 */
export const VISIBLE_CHARACTER =
  /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{M}]/u;
export const VISIBLE_CHARACTER_MESSAGE = 'must contain a visible character';
