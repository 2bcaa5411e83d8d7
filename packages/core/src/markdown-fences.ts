/** The lines of a markdown text with fenced code blocks blanked (line numbers kept). */
export function withoutFences(text: string): string[] {
  let fence: string | undefined;
  return text.split("\n").map((line) => {
    // A backtick fence's info string has no backtick (CommonMark): "```x``` and" is a code span.
    const marker = /^\s{0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (marker !== null && marker[1]?.[0] === fence[0] && (marker[1]?.length ?? 0) >= fence.length) fence = undefined;
      return "";
    }
    if (marker !== null) {
      fence = marker[1];
      return "";
    }
    return line;
  });
}
