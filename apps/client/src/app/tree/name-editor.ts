import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

/**
 * The inline rename box: Enter saves a non-blank name that differs from the row's current one;
 * Escape cancels.
 */
@Component({
  selector: 'app-name-editor',
  templateUrl: './name-editor.html',
  styleUrl: './name-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NameEditor {
  /** The name to start from. Read once: later changes from the server don't overwrite the draft. */
  readonly name = input.required<string>();
  /** Text to start from instead of `name` (a refused rename's), also read once. */
  readonly draft = input<string>();
  readonly save = output<string>();
  readonly dismiss = output<void>();

  protected readonly blank = signal(false);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  constructor() {
    afterNextRender(() => {
      const box = this.box().nativeElement;
      box.value = this.draft() ?? this.name();
      box.focus();
      box.select();
    });
  }

  protected saveName(): void {
    const name = this.box().nativeElement.value.trim();
    if (name.length === 0) {
      this.blank.set(true);
      return;
    }
    if (name === this.name()) {
      this.dismiss.emit();
      return;
    }
    this.save.emit(name);
  }

  protected clearBlank(): void {
    this.blank.set(false);
  }
}
