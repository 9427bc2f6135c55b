import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrismaService } from './prisma.service';

@Module({
  imports: [NotificationsModule],
  providers: [PrismaService],
  exports: [PrismaService],
})
export class DbModule {}
