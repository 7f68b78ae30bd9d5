// The glossary's style rule 1 (glossary-ko.md): lesson prose is 평어체 (-한다), but UI labels, hints and
// grading feedback are 합니다체 (-합니다, -하십시오, -습니까). No 해요체 (-해요, -하세요, -나요).

/** Sentences of `text` that end in 평어체 or 해요체 where 합니다체 is wanted, trimmed. */
export function impoliteSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter((s) => IMPOLITE_ENDING.test(s) && !POLITE_ENDING.test(s));
}

// A sentence ending in -다 or -요 (before its punctuation and any closing quote or code span).
const IMPOLITE_ENDING = /[다요][.?!]?["'’”`)]*$/;
// 합니다체: -니다 (statement), -니까 (question), -십시오 (request).
const POLITE_ENDING = /(니다|니까|십시오)[.?!]?["'’”`)]*$/;
