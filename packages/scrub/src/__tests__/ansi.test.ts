import { escapesWithin, originalOffset, stripAnsi } from '../ansi.js';

describe('stripAnsi', () => {
  it('removes colour (CSI) and hyperlink (OSC) sequences and maps visible offsets back', () => {
    const text = 'a\x1b[01;31m\x1b[Kbc\x1b[m\x1b[K d \x1b]8;;https://example.com\x07link\x1b]8;;\x07 e';
    const visible = stripAnsi(text);
    expect(visible.text).toBe('abc d link e');
    for (let i = 0; i < visible.text.length; i++) expect(text[originalOffset(visible, i)]).toBe(visible.text[i]);
    expect(originalOffset(visible, visible.text.length)).toBe(text.length);
  });

  it('treats an escape sequence cut off at the end as invisible', () => {
    expect(stripAnsi('abc\x1b[01;3').text).toBe('abc');
  });

  it('lists the sequences inside a span so they can be kept after a replacement', () => {
    const text = 'x\x1b[31mSECRET\x1b[0my';
    expect(escapesWithin(text, 1, text.length - 1)).toBe('\x1b[31m\x1b[0m');
  });
});
