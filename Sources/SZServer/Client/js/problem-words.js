// The validator's most common complaints about a pack, said in the user's language. Pure. Messages it does not
// know keep the server's (English) words, which always name what is wrong.

const patterns = [
  [/^missing required propert(?:y|ies) (.+)$/, (m) => ["report.missing", { names: m[1], count: m[1].split(", ").length }]],
  [/^property "(.+)" is not allowed/, (m) => ["report.notAllowed", { name: m[1] }]],
  [/^expected (.+), found (\w+)$/, (m) => ["report.wrongType", { expected: m[1], found: m[2] }]],
];

/** One problem of a validation report as a sentence, and where it is. */
export function plainProblem(problem, t) {
  let text = problem.message;
  for (const [pattern, words] of patterns) {
    const match = pattern.exec(problem.message ?? "");
    if (match) {
      const [key, params] = words(match);
      text = t(key, params);
      break;
    }
  }
  const where = !problem.file ? ""
    : problem.pointer ? t("report.whereAt", { file: problem.file, pointer: problem.pointer })
      : t("report.whereFile", { file: problem.file });
  return { text, where };
}
