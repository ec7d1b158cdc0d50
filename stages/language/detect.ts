// Interim detector: franc over the text (replaced by the combined detector).
import { franc } from 'franc';

export interface Detection {
  lang: string;
  confidence: number;
  method: string;
}

export function detectLanguage(text: string): Detection {
  if (!/\p{L}/u.test(text)) return { lang: 'und', confidence: 0, method: 'no-letters' };
  const lang = franc(text, { minLength: 1 });
  return { lang, confidence: lang === 'und' ? 0 : 0.5, method: 'franc' };
}
