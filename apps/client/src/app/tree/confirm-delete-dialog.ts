import { ChangeDetectionStrategy, Component, inject, Injector } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { Observable } from 'rxjs';
import type { ConfirmDeleteData } from './confirm-delete';

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

/** Opens the question; emits what the user chose (undefined when dismissed) as it closes. */
export function askToDelete(
  injector: Injector,
  question: ConfirmDeleteData,
): Observable<boolean | undefined> {
  return injector
    .get(MatDialog)
    .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, { data: question })
    .afterClosed();
}
