import { inject, Injectable, Injector } from '@angular/core';

/**
 * Shows what went wrong in a snackbar. Material's snack bar (and the overlay under it) is loaded
 * with the first one: it is not part of the page's first download.
 */
@Injectable({ providedIn: 'root' })
export class ErrorSnackbar {
  private readonly injector = inject(Injector);

  async show(message: string): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector.get(MatSnackBar).open(message, 'Dismiss', { duration: 6000 });
  }
}
