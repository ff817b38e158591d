/**
 * The core of `npm run admin -- create`: adds a CBP administrator through the domain code behind
 * `POST /staff` (identity in the staff pool, membership, audit record, invitation delivery), with
 * the ports composed here as the add-staff handler composes them. Import it only once the
 * environment names the target (lib/admin/target.ts): the stores read it at load.
 */
import { systemClock, uuidIds } from '../../functions/domain/clock.ts';
import { addAdministrator, operatorActor } from '../../functions/domain/staff.ts';
import * as membershipStore from '../../functions/data/membership-store.ts';
import * as cognitoUsers from '../../functions/data/cognito-users.ts';
import { validate } from '../../functions/http/request.ts';
import { AddStaff } from '../../functions/schemas/requests/users.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  members: membershipStore,
  identities: cognitoUsers,
};

export interface CreateAdministratorInput {
  readonly email: string;
  readonly name: string;
  /** Who runs the command, for the audit record (an operator's name; default the OS user). */
  readonly operator: string;
  readonly host: string;
  /** The operator confirmed adding one where administrators exist (`--yes-another-admin`). */
  readonly another: boolean;
}

/** Validates as `POST /staff` does (a 400 naming the field), then adds the administrator; `log` shows each step. */
export const createAdministrator = async (input: CreateAdministratorInput, log: (line: string) => void) => {
  const { email, name } = validate(AddStaff, { email: input.email, name: input.name, role: 'cbp-admin' });
  const actor = operatorActor(input.operator, input.host);
  log(`checking for CBP administrators, then adding ${email.toLowerCase()} as one (recorded as ${actor.userId}) ...`);
  const result = await addAdministrator(deps, actor, { email, name }, { another: input.another });
  if (result.existing.length > 0)
    log(`there were ${result.existing.length} administrator(s) already (${result.existing.join(', ')}): confirmed.`);
  log(`created ${result.user.email} (user ${result.user.userId}): sign-in identity in the staff user pool,`);
  log(`  membership (cbp-admin), audit record (user.created) and invitation delivery ${result.deliveryId}.`);
  return result;
};
