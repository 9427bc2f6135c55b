import { OutputTail } from './output-tail';

describe('OutputTail', () => {
  it('keeps the last lines of every chunk, named by stream, without colours or blank lines', () => {
    const tail = new OutputTail(3);
    tail.push('one\n\ntwo\n', 'out');
    tail.push(Buffer.from('\x1b[31mthree\x1b[0m\nfour'), 'err');
    expect(tail.text()).toBe('out| two\nerr| three\nerr| four');
  });

  it('says so when nothing was written', () => {
    expect(new OutputTail().text()).toBe('(no output)');
  });
});
