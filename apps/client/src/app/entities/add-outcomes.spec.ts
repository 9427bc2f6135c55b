import { TestBed } from '@angular/core/testing';
import { firstValueFrom, of, throwError } from 'rxjs';
import { AddOutcome, AddOutcomes } from './add-outcomes';

describe('AddOutcomes', () => {
  it('reports a saved add with the server’s id and a refused one, passing both through', async () => {
    const outcomes = TestBed.inject(AddOutcomes);
    const seen: AddOutcome[] = [];
    outcomes.outcome.subscribe((outcome) => seen.push(outcome));

    const saved = await firstValueFrom(of([{ id: 'l9' }]).pipe(outcomes.track('new-1')));
    expect(saved).toEqual([{ id: 'l9' }]);
    const refused = firstValueFrom(
      throwError(() => new Error('409')).pipe(outcomes.track<{ id: string }>('new-2')),
    );
    await expect(refused).rejects.toThrow('409');

    expect(seen).toEqual([
      { tempId: 'new-1', accepted: true, savedId: 'l9' },
      { tempId: 'new-2', accepted: false },
    ]);
  });
});
