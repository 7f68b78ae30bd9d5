// github.com/fvbommel/sortorder: NaturalLess, which kubectl's --sort-by uses for strings: runs of digits
// compare as numbers (fewer leading zeros first), digits sort before other bytes.
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

export function naturalLess(str1: string, str2: string): boolean {
  let idx1 = 0;
  let idx2 = 0;
  while (idx1 < str1.length && idx2 < str2.length) {
    const c1 = str1[idx1];
    const c2 = str2[idx2];
    const dig1 = isDigit(c1);
    const dig2 = isDigit(c2);
    if (dig1 !== dig2) return dig1;
    if (!dig1) {
      if (c1 !== c2) return (c1 ?? "") < (c2 ?? "");
      idx1++;
      idx2++;
      continue;
    }
    // Eat zeros, then all digits.
    while (idx1 < str1.length && str1[idx1] === "0") idx1++;
    while (idx2 < str2.length && str2[idx2] === "0") idx2++;
    const nonZero1 = idx1;
    const nonZero2 = idx2;
    while (idx1 < str1.length && isDigit(str1[idx1])) idx1++;
    while (idx2 < str2.length && isDigit(str2[idx2])) idx2++;
    const len1 = idx1 - nonZero1;
    const len2 = idx2 - nonZero2;
    if (len1 !== len2) return len1 < len2;
    const nr1 = str1.slice(nonZero1, idx1);
    const nr2 = str2.slice(nonZero2, idx2);
    if (nr1 !== nr2) return nr1 < nr2;
    if (nonZero1 !== nonZero2) return nonZero1 < nonZero2;
  }
  return str1.length < str2.length;
}
