import { Argument, type Command } from 'commander';
import type { Io } from '../context.js';
import { helpText } from '../help-text.js';

export function registerCompletion(program: Command, io: Io): void {
  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', helpText('\nbash:  source <(oradmin completion bash)          (e.g. in ~/.bashrc)\n' +
        'zsh:   source <(oradmin completion zsh)           (or save it as _oradmin on your fpath)\n' +
        'fish:  oradmin completion fish > ~/.config/fish/completions/oradmin.fish',)
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('../completion.js');
      io.stdout.write(completionScript(program, shell));
    });
}
