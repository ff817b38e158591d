import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { json } from '../http/response.ts';
import { ForgotPassword } from '../schemas/users.ts';
import { forgotPassword } from '../domain/auth.ts';
import * as auth from '../data/cognito-auth.ts';

export const handler = publicHandler(async (event) => json(202, await forgotPassword({ auth }, parseBody(ForgotPassword, event).email)));
