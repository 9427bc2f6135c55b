import { Module } from '@nestjs/common';
import { TablesModule } from '../tables/tables.module';
import { FirstScreenReader } from './first-screen-reader';

/** What serving the client app needs of the rest: the first screen of a signed-in user's page. */
@Module({
  imports: [TablesModule],
  providers: [FirstScreenReader],
  exports: [FirstScreenReader],
})
export class ClientAppModule {}
