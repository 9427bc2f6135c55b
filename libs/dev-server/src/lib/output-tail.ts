/** Keeps the last lines a child process wrote (colours stripped), so a failure can show them. */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly keep = 60) {}

  push(chunk: Buffer | string, stream: string): void {
    // eslint-disable-next-line no-control-regex
    const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      this.lines.push(`${stream}| ${line}`);
      if (this.lines.length > this.keep) this.lines.shift();
    }
  }

  text(): string {
    return this.lines.join('\n') || '(no output)';
  }
}
