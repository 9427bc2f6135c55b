import { Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';

@Injectable()
export class HealthService {
  constructor(private readonly db: PrismaService) {}

  /** Resolves when the database answers a query. */
  async ping(): Promise<void> {
    await this.db.client.$queryRawUnsafe('SELECT 1');
  }
}
