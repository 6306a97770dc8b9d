import { pinyin } from "pinyin-pro";
import { hasCjk } from "./normalize.ts";

/** Chinese characters spelled in toneless pinyin syllables; other text unchanged. */
export function toPinyinText(text: string): string {
  return hasCjk(text) ? pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join(" ").toLowerCase() : text;
}
