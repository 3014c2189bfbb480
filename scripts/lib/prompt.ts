import readline from 'node:readline';

/** Asks for a secret on the terminal without echoing it; reads one line from a pipe otherwise. */
export function askSecret(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    const output = rl as unknown as { _writeToOutput(text: string): void; output: NodeJS.WriteStream };
    let asked = false;
    output._writeToOutput = (text: string) => {
      // Print the question once; then nothing of what is typed.
      if (!asked) output.output.write(text);
      asked = true;
    };
  }
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}
