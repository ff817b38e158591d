/**
 * The core of `npm run admin -- assign-svi-codes`: gives every company enrolled before
 * status-verification codes existed its code (decision 85), each with an audit record naming the
 * operator. Safe to run again, or twice at once. Import it only once the environment names the
 * target (lib/admin/target.ts): the stores read it at load.
 */
import { systemClock, uuidIds } from '../../functions/domain/clock.ts';
import { operatorActor } from '../../functions/domain/staff.ts';
import { assignMissingCodes, randomSviCodes } from '../../functions/domain/svi-codes.ts';
import * as companyStore from '../../functions/data/company-store.ts';

const deps = { clock: systemClock, ids: uuidIds, codes: randomSviCodes, companies: companyStore };

/** Assigns the missing codes; `log` says how many were given and how many companies had one. */
export const assignSviCodes = async (input: { operator: string; host: string }, log: (line: string) => void) => {
  const actor = operatorActor(input.operator, input.host);
  log(`reading every category's companies; giving a code to each without one (recorded as ${actor.userId}) ...`);
  const result = await assignMissingCodes(deps, actor);
  log(`${result.assigned} compan${result.assigned === 1 ? 'y' : 'ies'} given a code; ${result.had} had one already.`);
  return result;
};
