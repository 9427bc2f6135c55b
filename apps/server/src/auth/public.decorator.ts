import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'smart-sync:public';

/** A route that answers without a session (health, login); every other one needs it. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
