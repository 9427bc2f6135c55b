import { rmSync } from 'node:fs';

export default function removeE2eDatabase(): void {
  const dir = process.env['E2E_DB_DIR'];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
