// Look-alike letters ("Ρoή" with a Latin "o") as repairs: the rule itself is shared with the
// language detector and lives in pipeline/core/lookalikes.ts.
import { lookalikes } from '../../pipeline/core/lookalikes.ts';
import type { Edit } from './edits.ts';

export function lookalikeEdits(text: string): Edit[] {
  return lookalikes(text).map((l) => ({ ...l, rule: 'lookalike' }));
}
