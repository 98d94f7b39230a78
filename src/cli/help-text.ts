// Text after a command's help: prose lines are wrapped at word boundaries to the terminal's width
// (80 when it is not a terminal), so that nothing breaks mid-word; indented lines (examples, tables)
// are kept as written.
export function helpText(text: string): () => string {
  return () => {
    const width = Math.min(Math.max(process.stdout.columns ?? 80, 40), 100);
    return text
      .split('\n')
      .map((line) => (line === '' || /^\s/.test(line) ? line : wrap(line, width)))
      .join('\n');
  };
}

function wrap(line: string, width: number): string {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out.join('\n');
}
