import { UnauthorizedException } from '@nestjs/common';
import { requestContext } from '../common/request-context';
import type { SignedInUser } from '../common/signed-in-user';

/** The one answer to a request without a valid session. */
export function signInFirst(): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, message: 'sign in first' });
}

/** The signed-in user of the current request (the guard has let it through). */
export function currentUser(): SignedInUser {
  const { user } = requestContext();
  if (!user) throw signInFirst();
  return user;
}
