import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { NameEditor } from './name-editor';
import { RowAction } from './row-action';
import { NO_RIGHTS, TreeRights } from './tree-rights';

export interface LocationOption {
  readonly id: string;
  readonly name: string;
}

interface PickerButton {
  readonly label: string;
  /** Material Symbols ligature. */
  readonly icon: string;
  /** Disabled while no location is selected. */
  readonly needsSelection: boolean;
  /** Shown only to users with this right. */
  readonly needs: keyof TreeRights;
  readonly action: RowAction;
}

/** The buttons beside the select, in order. */
const BUTTONS: readonly PickerButton[] = [
  { label: 'Edit', icon: 'edit', needsSelection: true, needs: 'edit', action: { kind: 'edit' } },
  {
    label: 'Delete',
    icon: 'delete',
    needsSelection: true,
    needs: 'manageLocations',
    action: { kind: 'delete' },
  },
  {
    label: 'Add location',
    icon: 'add_location_alt',
    needsSelection: false,
    needs: 'manageLocations',
    action: { kind: 'add', table: 'locations' },
  },
  {
    label: 'Add department',
    icon: 'domain_add',
    needsSelection: true,
    needs: 'edit',
    action: { kind: 'add', table: 'departments' },
  },
];

/**
 * The location select, with rename and delete for the selected location, and add buttons: those
 * the user's rights allow.
 */
@Component({
  selector: 'app-location-picker',
  imports: [MatFormField, MatIcon, MatIconButton, MatLabel, MatOption, MatSelect, NameEditor],
  templateUrl: './location-picker.html',
  styleUrl: './location-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocationPicker {
  readonly locations = input.required<readonly LocationOption[]>();
  /** While the locations load, a placeholder stands in for the select. */
  readonly loading = input(false);
  readonly selectedId = input<string | null>(null);
  readonly editing = input(false);
  /** The text its editor starts from, when not the location's name (see NameEditor). */
  readonly draft = input<string>();
  readonly rights = input<TreeRights>(NO_RIGHTS);

  readonly choose = output<string>();
  /** What the controls ask for: edit, rename or delete the selected location, add a row. */
  readonly rowAction = output<RowAction>();

  protected readonly selected = computed(() =>
    this.locations().find((location) => location.id === this.selectedId()),
  );

  protected readonly buttons = computed(() =>
    BUTTONS.filter((button) => this.rights()[button.needs]),
  );
}
