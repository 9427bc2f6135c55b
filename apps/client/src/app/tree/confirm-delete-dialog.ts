import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { filter, Observable, of } from 'rxjs';

export interface ConfirmDeleteData {
  /** What is being deleted, e.g. "department". */
  readonly what: string;
  readonly name: string;
  /** How many rows go with it, described, e.g. "3 children". */
  readonly cascade: string;
}

/** Asks before deleting a row that takes other rows with it. Closes with `true` to delete. */
@Component({
  selector: 'app-confirm-delete-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>Delete {{ data.what }} “{{ data.name }}”?</h2>
    <mat-dialog-content>It has {{ data.cascade }}; they will be deleted too.</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" cdkFocusInitial>
        Delete
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDeleteDialog {
  protected readonly data = inject<ConfirmDeleteData>(MAT_DIALOG_DATA);
}

/**
 * What to ask before deleting a row that takes `count` rows with it, e.g. "2 departments";
 * undefined when it takes none, as there is nothing to ask.
 */
export function deleteQuestion(
  what: string,
  name: string,
  count: number,
  [one, many]: readonly [string, string],
): ConfirmDeleteData | undefined {
  return count === 0 ? undefined : { what, name, cascade: `${count} ${count === 1 ? one : many}` };
}

/** Emits once the deletion may go ahead: at once with no question, else when the user confirms. */
export function confirmDelete(
  dialog: MatDialog,
  question: ConfirmDeleteData | undefined,
): Observable<true> {
  if (question === undefined) {
    return of(true);
  }
  return dialog
    .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, { data: question })
    .afterClosed()
    .pipe(filter((confirmed): confirmed is true => confirmed === true));
}
