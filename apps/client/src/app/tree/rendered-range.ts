import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { Directive, inject } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';

/** The positions a virtual viewport renders, as an output: `(appRenderedRange)="…"`. */
@Directive({ selector: 'cdk-virtual-scroll-viewport[appRenderedRange]' })
export class RenderedRange {
  readonly appRenderedRange = outputFromObservable(
    inject(CdkVirtualScrollViewport).renderedRangeStream,
  );
}
