// A remembered string must not be a view of a larger one. V8 keeps a piece of a string (`slice`,
// a regular expression's match, a block of a document) of 13 characters or more as a view of the
// whole, and a joined string as its parts: remembered as it is, such a key keeps its whole page
// alive. At the end of the 100 MB bench dump the language stage's cache of short texts held 22 MB
// of whole pages so (3,700 of them, behind 50,000 keys of under 200 characters), its short
// readings 5 MB, the memos of pipeline/core/memo.ts 6 MB.

/** Below this length V8 makes neither views nor joined strings: such a string is its own copy. */
const VIEW_MIN_LENGTH = 13;

/** A string of its own with the text's characters (the text itself when it is short). */
export function ownCopy(text: string): string {
  // Joining makes a string of two parts, and slicing that flattens it into one new string first.
  return text.length < VIEW_MIN_LENGTH ? text : ` ${text}`.slice(1);
}
