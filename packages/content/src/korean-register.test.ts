import { describe, expect, it } from "vitest";
import { impoliteSentences } from "./korean-register";

describe("impoliteSentences", () => {
  it.each([
    ["클레임이 바인딩되지 않았습니다.", []],
    ["`kjctl why pvc/pages`로 확인하십시오.", []],
    ["계정이 없습니까? 계정 만들기", []],
    ["레플리카 3개", []],
    ["이메일 또는 비밀번호가 틀렸다.", ["이메일 또는 비밀번호가 틀렸다."]],
    ["아직 맡은 코호트가 없다. 다시 시도한다.", ["아직 맡은 코호트가 없다.", "다시 시도한다."]],
    ["NODE 열을 비교하세요.", ["NODE 열을 비교하세요."]],
    ["계정이 없나요? 계정 만들기", ["계정이 없나요?"]],
    ["클래스를 바꿀까요?", ["클래스를 바꿀까요?"]],
    ["포트는 80입니다. 확인해요", ["확인해요"]],
  ])("%s", (text, expected) => {
    expect(impoliteSentences(text)).toEqual(expected);
  });
});
