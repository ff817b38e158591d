import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { json } from '../http/response.ts';
import { atLeast } from '../http/timing.ts';
import { ForgotPassword } from '../schemas/users.ts';
import { forgotPassword } from '../domain/auth.ts';
import * as auth from '../data/cognito-auth.ts';

/** Every answer takes at least this long, whether or not the email has an account. */
const ANSWER_AFTER_MS = 500;

export const handler = publicHandler(async (event) => json(202, await atLeast(ANSWER_AFTER_MS, forgotPassword({ auth }, parseBody(ForgotPassword, event).email))));
