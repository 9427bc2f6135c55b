import { Injectable } from '@angular/core';
import { Observable, Subject } from 'rxjs';

/** A rename the server refused because someone else had changed the row meanwhile. */
export interface RenameConflict {
  /** The row's client id. */
  readonly id: string;
  /** The name the user typed, not saved. */
  readonly name: string;
  /** The row's version now (the store holds the row as it is now): what a new try edits. */
  readonly version: number;
}

/**
 * The versions renames are made from, and the renames refused for it. A rename sends the version
 * of the row its editor was opened on (a later socket message may have moved the store on while
 * the user typed: sending the store's version would overwrite that change unseen); the screen
 * hears each refused rename, to open its editor again with the typed name.
 */
@Injectable({ providedIn: 'root' })
export class RenameConflicts {
  private readonly editedVersions = new Map<string, number>();
  private readonly conflicts = new Subject<RenameConflict>();

  readonly conflict: Observable<RenameConflict> = this.conflicts.asObservable();

  /** The next rename of row `id` (client id) was typed over this version of it. */
  editedAt(id: string, version: number): void {
    this.editedVersions.set(id, version);
  }

  /** The version a rename of `row` sends: the one its editor was opened on, else the row's. */
  versionOf(row: { readonly id: string; readonly version: number }): number {
    const edited = this.editedVersions.get(row.id);
    this.editedVersions.delete(row.id);
    return edited ?? row.version;
  }

  report(conflict: RenameConflict): void {
    this.conflicts.next(conflict);
  }
}
