import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { NameEditor } from './name-editor';

export interface LocationOption {
  readonly id: string;
  readonly name: string;
}

/** The location select, with rename and delete for the selected location, and add buttons. */
@Component({
  selector: 'app-location-picker',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, NameEditor],
  templateUrl: './location-picker.html',
  styleUrl: './location-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocationPicker {
  readonly locations = input.required<readonly LocationOption[]>();
  readonly selectedId = input<string | null>(null);
  readonly editing = input(false);

  readonly choose = output<string>();
  readonly startEdit = output<void>();
  readonly rename = output<string>();
  readonly cancelEdit = output<void>();
  readonly remove = output<void>();
  readonly addLocation = output<void>();
  readonly addDepartment = output<void>();

  protected readonly selected = computed(() =>
    this.locations().find((location) => location.id === this.selectedId()),
  );
}
