import { roleIn, SessionUser } from '@smart-sync/shared-types/mini';
import { RowAction } from './row-action';

/** What the signed-in user may change on the screen (the server refuses the rest anyway). */
export interface TreeRights {
  /** Rename the selected location; add, rename and delete anything under it (its editors). */
  readonly edit: boolean;
  /** Add and delete locations (admins only). */
  readonly manageLocations: boolean;
}

export const NO_RIGHTS: TreeRights = { edit: false, manageLocations: false };

/** A user's rights on the screen of a location (none while signed out or no location is shown). */
export function treeRights(
  user: SessionUser | null | undefined,
  locationId: string | undefined,
): TreeRights {
  if (user === null || user === undefined) {
    return NO_RIGHTS;
  }
  return {
    edit: locationId !== undefined && roleIn(user, locationId) === 'editor',
    manageLocations: user.admin,
  };
}

/**
 * Whether the rights allow an action on a row (the selected location, or a tree row): looking
 * around (expand, collapse, cancel) always is.
 */
export function allows(
  rights: TreeRights,
  ref: { readonly kind: 'location' | 'node' },
  action: RowAction,
): boolean {
  switch (action.kind) {
    case 'cancel':
    case 'expand':
    case 'collapse':
      return true;
    case 'edit':
    case 'rename':
      return rights.edit;
    case 'delete':
      return ref.kind === 'location' ? rights.manageLocations : rights.edit;
    case 'add':
      return action.table === 'locations' ? rights.manageLocations : rights.edit;
  }
}
